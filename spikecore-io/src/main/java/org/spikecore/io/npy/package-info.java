/**
 * NumPy's {@code .npy} files (format versions 1.0, 2.0 and 3.0): {@link org.spikecore.io.npy.Npy}
 * reads and writes one {@link org.spikecore.io.npy.NpyArray}. Contract: bool, uint8, int8, int16,
 * int32, int64, float32 and float64 in either byte order and in C or Fortran order are read into
 * C-order doubles (an int64 beyond ±2^53, which a double cannot hold exactly, is refused); the
 * header's declared size is checked against the file's length before anything is allocated; a
 * malformed file is a {@link org.spikecore.SpikecoreException} naming the file and what is wrong,
 * never another exception.
 */
package org.spikecore.io.npy;
