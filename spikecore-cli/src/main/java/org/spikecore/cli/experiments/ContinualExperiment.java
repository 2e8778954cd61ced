package org.spikecore.cli.experiments;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spikecore.cli.report.Charts;
import org.spikecore.data.LabeledImages;
import org.spikecore.engine.Simulation;
import org.spikecore.engine.SpikeRecorder;
import org.spikecore.io.ImageDatasets;
import org.spikecore.learn.Asp;
import org.spikecore.learn.Plasticity;
import org.spikecore.model.Network;

/**
 * Continual learning (Panda et al. 2017): {@link DiehlCookNetwork} learns the classes one after
 * another (all images of class 0, then of class 1, … , never shown again), by plain pair STDP or by
 * ASP. After each stage a frozen copy takes its labels from a small labelled set of the classes seen
 * so far ({@code --label-per-class} training images of each, as the paper labels from a few
 * samples) and is tested on the last {@code --test-per-class} images of every class seen so far
 * (never trained on); the mean of the per-class
 * accuracies is the stage's score, that of the last stage {@code final_mean_accuracy}. With
 * {@code --validation-per-class N} the stages are scored instead on N held-out images of each class
 * (after the training and labelling images, before the test images, disjoint from all three) and
 * the test images are never shown: the split on which ASP's constants ({@code --asp-*}) are tuned.
 * ASP's leak phase runs after every training presentation, next to the weight normalisation.
 */
public final class ContinualExperiment implements Experiment {

    private static final Set<String> OPTIONS = Set.of("rule", "neurons", "dataset", "train-per-class", "label-per-class",
            "test-per-class", "validation-per-class", "data", "present", "rest", "theta-plus", "asp-offset", "asp-k", "asp-shift",
            "asp-activity-shift", "asp-leak-shift", "asp-leak-activity-shift", "asp-baseline");

    /** The adaptive-threshold step: the paper's 0.05 mV, under which plain STDP forgets (a larger step spreads the classes). */
    public static final int THETA_PLUS = DiehlCookExperiment.THETA_PLUS;

    /** ASP's default constants (those of docs/learning.md, "Continual learning"). */
    public static final Asp ASP = DiehlCookNetwork.ASP;

    /** A learning rule of the run. */
    public enum Rule {
        STDP, ASP;

        /** This rule's plasticity; {@code asp} the constants of ASP. */
        Plasticity.Rule plasticity(Asp asp) {
            return switch (this) {
                case STDP -> DiehlCookNetwork.stdp();
                case ASP -> DiehlCookNetwork.asp(asp);
            };
        }

        String cliName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Accuracy per seen class after one stage, and their mean. */
    public record Stage(int classesSeen, double[] accuracyPerClass, double meanAccuracy) {
    }

    /** The stages of one rule's run, and the weights at its end. */
    public record Outcome(Rule rule, List<Stage> stages, int[] weights, double trainSeconds) {
        public double finalMeanAccuracy() {
            return stages.getLast().meanAccuracy();
        }
    }

    @Override
    public String name() {
        return "continual";
    }

    @Override
    public Set<String> options() {
        return OPTIONS;
    }

    @Override
    public String description() {
        return "continual learning, ASP against STDP (Panda et al. 2017): the Diehl & Cook network learns MNIST classes one after another "
                + "(no replay), accuracy on all classes seen after each stage; --rule stdp|asp|stdp,asp (stdp,asp), --neurons N (100), "
                + "--dataset mnist|fashion-mnist (mnist), --train-per-class N (100), --label-per-class N (10), --test-per-class N (50), "
                + "--validation-per-class N (0; N > 0 scores on N held-out images per class instead of the test images), "
                + "--present T (350) --rest T (150), --theta-plus U (13, the paper's 0.05 mV), --data DIR; ASP's constants "
                + "--asp-offset (16) --asp-k (32) --asp-shift (3) --asp-activity-shift (6) --asp-leak-shift (3) "
                + "--asp-leak-activity-shift (0) --asp-baseline (25)";
    }

    @Override
    public Map<String, Object> run(Map<String, String> options, Path outDir, long seed, PrintWriter out) {
        Options.checkKnown(name(), options, OPTIONS);
        List<Rule> rules = rules(options.getOrDefault("rule", "stdp,asp"));
        int neurons = Options.intOption(options, "neurons", 100, 1);
        int trainPerClass = Options.intOption(options, "train-per-class", 100, 1);
        int labelPerClass = Options.intOption(options, "label-per-class", 10, 1);
        int testPerClass = Options.intOption(options, "test-per-class", 50, 1);
        int validationPerClass = Options.intOption(options, "validation-per-class", 0, 0);
        Asp asp = asp(options);
        int thetaPlus = Options.intOption(options, "theta-plus", THETA_PLUS, 1);
        DiehlCookExperiment.Schedule schedule = new DiehlCookExperiment.Schedule(Options.intOption(options, "present", 350, 1),
                Options.intOption(options, "rest", 150, 0));
        ImageDatasets.Split data = DiehlCookExperiment.dataset(options);
        LabeledImages all = concat(List.of(data.train(), data.test()));
        int labelled = Math.max(trainPerClass, labelPerClass);
        if (labelled + validationPerClass + testPerClass > smallestClass(all)) {
            throw new IllegalArgumentException("--train-per-class " + trainPerClass + " (or --label-per-class " + labelPerClass
                    + "), --validation-per-class " + validationPerClass + " and --test-per-class " + testPerClass
                    + " need more than the " + smallestClass(all) + " images of the smallest class");
        }
        List<LabeledImages> train = perClass(all, 0, trainPerClass, false, "--train-per-class");
        List<LabeledImages> labelling = perClass(all, 0, labelPerClass, false, "--label-per-class");
        boolean validating = validationPerClass > 0;
        List<LabeledImages> scored = validating ? perClass(all, labelled, validationPerClass, false, "--validation-per-class")
                : perClass(all, 0, testPerClass, true, "--test-per-class");
        out.printf("continual: %d excitatory neurons, %d classes one after another, %d training / %d labelling / %d %s images per "
                + "class, rules %s%n", neurons, train.size(), trainPerClass, labelPerClass, scored.getFirst().size(),
                validating ? "validation" : "test", rules);
        out.flush();

        long t0 = System.nanoTime();
        Map<String, Object> runs = new LinkedHashMap<>();
        Map<String, Object> finals = new LinkedHashMap<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (Rule rule : rules) {
            Outcome o = learnInStages(rule, asp, train, labelling, scored, neurons, thetaPlus, schedule, seed, out);
            outcomes.add(o);
            runs.put(rule.cliName(), Map.of("final_mean_accuracy", o.finalMeanAccuracy(), "stages", stagesJson(o.stages()),
                    "train_seconds", o.trainSeconds(), "rule", rule.plasticity(asp).rule().toString()));
            finals.put(rule.cliName(), o.finalMeanAccuracy());
            plotClasses(outDir.resolve("accuracy_" + rule.cliName() + ".png"), o);
        }
        if (outcomes.size() > 1) {
            plotMeans(outDir.resolve("mean_accuracy.png"), outcomes);
        }

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("data_set", options.getOrDefault("dataset", "mnist"));
        results.put("split", Map.of("images", all.size(), "smallest_class", smallestClass(all), "rule",
                "all images of the data set (its training then its test split) by class: the first train-per-class of each class "
                        + "train, the first label-per-class of those label, the next validation-per-class validate, the last "
                        + "test-per-class test (the four disjoint but for labelling within training)"));
        results.put("neurons", neurons);
        results.put("train_per_class", trainPerClass);
        results.put("label_per_class", labelPerClass);
        results.put("validation_per_class", validationPerClass);
        results.put("test_per_class", testPerClass);
        results.put("scored_on", validating ? "validation" : "test");
        results.put("theta_plus_units", thetaPlus);
        results.put("schedule", Map.of("tick_ms", 1, "present_ticks", schedule.present(), "rest_ticks", schedule.rest(),
                "order", "classes 0..9, each once, no replay; ASP's leak after every training presentation"));
        results.put("final_mean_accuracy", finals.size() == 1 ? finals.values().iterator().next() : finals);
        results.put("runs", runs);
        results.put("seconds", (System.nanoTime() - t0) / 1e9);
        for (Outcome o : outcomes) {
            out.printf("continual %s (%s): mean accuracy over the classes seen, per stage:", o.rule().cliName(),
                    validating ? "validation" : "test");
            for (Stage s : o.stages()) {
                out.printf(" %.3f", s.meanAccuracy());
            }
            out.printf("; final_mean_accuracy %.4f%n", o.finalMeanAccuracy());
        }
        return results;
    }

    /** ASP's constants: {@link DiehlCookNetwork#ASP}'s but for those the {@code --asp-*} options set. */
    static Asp asp(Map<String, String> o) {
        Asp d = ASP;
        return DiehlCookNetwork.aspOnInputs(Options.intOption(o, "asp-offset", d.offset(), 0, 255),
                Options.intOption(o, "asp-k", d.k(), 0, 255), Options.intOption(o, "asp-shift", d.shift(), 0, 30),
                Options.intOption(o, "asp-activity-shift", d.activityShift(), 0, 30),
                Options.intOption(o, "asp-leak-shift", d.leakShift(), 0, 30),
                Options.intOption(o, "asp-leak-activity-shift", d.leakActivityShift(), 0, 30),
                Options.intOption(o, "asp-baseline", d.baseline(), 1, 255));
    }

    /**
     * Trains a fresh network by {@code rule} (ASP with the constants {@code asp}) on
     * {@code train.get(0)}, then {@code train.get(1)}, … (one stage per class, each image once);
     * after stage c labels a frozen copy on the labelling images of classes 0..c and scores it on
     * their images in {@code test} (the test or the validation images).
     */
    public static Outcome learnInStages(Rule rule, Asp asp, List<LabeledImages> train, List<LabeledImages> labelling,
            List<LabeledImages> test, int neurons, int thetaPlus, DiehlCookExperiment.Schedule schedule, long seed, PrintWriter out) {
        LabeledImages first = train.getFirst();
        int inputs = first.rows() * first.cols();
        Network learning = DiehlCookNetwork.withInputRule(DiehlCookNetwork.build(inputs, neurons,
                DiehlCookNetwork.initialWeights(inputs, neurons, seed), true, thetaPlus), rule.plasticity(asp));
        List<Stage> stages = new ArrayList<>();
        int[] weights = new int[inputs * neurons];
        int[] theta = new int[neurons];
        long trainNanos = 0;
        try (Simulation sim = new Simulation(learning, seed, 1, true)) {
            SpikeRecorder exc = sim.recordSpikes(DiehlCookNetwork.EXC);
            for (int c = 0; c < train.size(); c++) {
                long t0 = System.nanoTime();
                LabeledImages stage = train.get(c);
                for (int i = 0; i < stage.size(); i++) {
                    sim.normalizeIncoming(DiehlCookNetwork.INPUT_EXC, DiehlCookExperiment.NORMALISED_TOTAL, 1);
                    DiehlCookExperiment.present(sim, exc, stage, i, schedule, neurons);
                    if (rule == Rule.ASP) {
                        sim.leakWeights(DiehlCookNetwork.INPUT_EXC);
                    }
                }
                sim.normalizeIncoming(DiehlCookNetwork.INPUT_EXC, DiehlCookExperiment.NORMALISED_TOTAL, 1);
                trainNanos += System.nanoTime() - t0;
                for (int p = 0; p < inputs; p++) {
                    for (int j = 0; j < neurons; j++) {
                        weights[p * neurons + j] = sim.weight(DiehlCookNetwork.INPUT_EXC, p, j);
                    }
                }
                for (int j = 0; j < neurons; j++) {
                    theta[j] = sim.state(DiehlCookNetwork.EXC, j, 1);
                }
                Stage s = evaluate(weights, theta, labelling.subList(0, c + 1), test.subList(0, c + 1), schedule, seed);
                stages.add(s);
                out.printf("  %s stage %d (class %d): mean accuracy over %d classes %.3f%n", rule.cliName(), c + 1, c, c + 1,
                        s.meanAccuracy());
                out.flush();
            }
        }
        return new Outcome(rule, List.copyOf(stages), weights, trainNanos / 1e9);
    }

    /** Labels a frozen network on {@code labelling} (one set per seen class) and tests it on {@code test}. */
    static Stage evaluate(int[] weights, int[] theta, List<LabeledImages> labelling, List<LabeledImages> test,
            DiehlCookExperiment.Schedule schedule, long seed) {
        int neurons = theta.length;
        LabeledImages labels = concat(labelling);
        LabeledImages tests = concat(test);
        Network frozen = DiehlCookNetwork.build(labels.rows() * labels.cols(), neurons, weights, false, 0);
        int[] assignment = DiehlCookExperiment.assign(DiehlCookExperiment.respond(frozen, theta, labels, schedule, seed + 1), labels,
                neurons);
        int[][] counts = DiehlCookExperiment.respond(frozen, theta, tests, schedule, seed + 2);
        int seen = test.size();
        int[] correct = new int[seen];
        int[] total = new int[seen];
        for (int i = 0; i < tests.size(); i++) {
            int c = tests.labels()[i];
            total[c]++;
            correct[c] += DiehlCookExperiment.predict(counts[i], assignment, tests.classes()) == c ? 1 : 0;
        }
        double[] accuracy = new double[seen];
        double sum = 0;
        for (int c = 0; c < seen; c++) {
            accuracy[c] = (double) correct[c] / total[c];
            sum += accuracy[c];
        }
        return new Stage(seen, accuracy, sum / seen);
    }

    /**
     * {@code count} images of each class of {@code images}, one set per class in class order (the
     * stages of a continual run: no image of another class in a stage): the class's images
     * {@code skip + 1} to {@code skip + count}, counted from its first or with {@code fromEnd} from
     * its last (so that test images taken from the end are disjoint from the training and the
     * validation images taken from the start).
     */
    public static List<LabeledImages> perClass(LabeledImages images, int skip, int count, boolean fromEnd, String option) {
        List<LabeledImages> sets = new ArrayList<>();
        for (int c = 0; c < images.classes(); c++) {
            List<byte[]> pixels = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                if (images.labels()[i] == c) {
                    pixels.add(images.pixels()[i]);
                }
            }
            if (pixels.size() < skip + count) {
                throw new IllegalArgumentException(option + " " + count + (skip > 0 ? " after " + skip : "") + " is more than the "
                        + pixels.size() + " images of class " + c);
            }
            List<byte[]> chosen = fromEnd ? pixels.subList(pixels.size() - skip - count, pixels.size() - skip)
                    : pixels.subList(skip, skip + count);
            int[] labels = new int[count];
            java.util.Arrays.fill(labels, c);
            sets.add(new LabeledImages(images.rows(), images.cols(), images.classes(), chosen.toArray(new byte[0][]), labels));
        }
        return sets;
    }

    private static LabeledImages concat(List<LabeledImages> sets) {
        List<byte[]> pixels = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (LabeledImages s : sets) {
            for (int i = 0; i < s.size(); i++) {
                pixels.add(s.pixels()[i]);
                labels.add(s.labels()[i]);
            }
        }
        LabeledImages first = sets.getFirst();
        return new LabeledImages(first.rows(), first.cols(), first.classes(), pixels.toArray(new byte[0][]),
                labels.stream().mapToInt(Integer::intValue).toArray());
    }

    private static int smallestClass(LabeledImages images) {
        int[] n = new int[images.classes()];
        for (int label : images.labels()) {
            n[label]++;
        }
        return java.util.Arrays.stream(n).min().orElse(0);
    }

    static List<Rule> rules(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            Rule r = switch (part.trim()) {
                case "stdp" -> Rule.STDP;
                case "asp" -> Rule.ASP;
                default -> throw new IllegalArgumentException("--rule takes stdp, asp or stdp,asp, got '" + text + "'");
            };
            if (rules.contains(r)) {
                throw new IllegalArgumentException("--rule names " + part.trim() + " twice in '" + text + "'");
            }
            rules.add(r);
        }
        return rules;
    }

    private static List<Map<String, Object>> stagesJson(List<Stage> stages) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Stage s : stages) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stage", s.classesSeen());
            Map<String, Double> perClass = new LinkedHashMap<>();
            for (int c = 0; c < s.accuracyPerClass().length; c++) {
                perClass.put(Integer.toString(c), s.accuracyPerClass()[c]);
            }
            m.put("accuracy_per_class", perClass);
            m.put("mean_accuracy", s.meanAccuracy());
            list.add(m);
        }
        return list;
    }

    /** Accuracy of each class from the stage it arrived on, and the mean, over the stages. */
    private static void plotClasses(Path file, Outcome o) {
        List<Charts.Series> series = new ArrayList<>();
        int stages = o.stages().size();
        for (int c = 0; c < stages; c++) {
            double[] x = new double[stages - c];
            double[] y = new double[stages - c];
            for (int s = c; s < stages; s++) {
                x[s - c] = s + 1;
                y[s - c] = 100 * o.stages().get(s).accuracyPerClass()[c];
            }
            series.add(new Charts.Series("class " + c, x, y));
        }
        series.add(meanSeries("mean", o));
        Charts.line(file, "continual learning, " + o.rule().cliName() + ": accuracy per class after each stage", "stage (classes seen)",
                "accuracy %", series, false);
    }

    private static void plotMeans(Path file, List<Outcome> outcomes) {
        Charts.line(file, "continual learning: mean accuracy over the classes seen", "stage (classes seen)", "mean accuracy %",
                outcomes.stream().map(o -> meanSeries(o.rule().cliName(), o)).toList(), false);
    }

    private static Charts.Series meanSeries(String name, Outcome o) {
        int stages = o.stages().size();
        double[] x = new double[stages];
        double[] y = new double[stages];
        for (int s = 0; s < stages; s++) {
            x[s] = s + 1;
            y[s] = 100 * o.stages().get(s).meanAccuracy();
        }
        return new Charts.Series(name, x, y);
    }
}
