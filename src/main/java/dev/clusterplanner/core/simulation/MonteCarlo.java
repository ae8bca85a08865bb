package dev.clusterplanner.core.simulation;

import dev.clusterplanner.core.simulation.SimulationInputs.CostOption;
import dev.clusterplanner.core.simulation.SimulationInputs.DemandGroup;
import dev.clusterplanner.core.simulation.SimulationInputs.Reliability;
import dev.clusterplanner.core.simulation.SimulationInputs.Uncertainty;
import dev.clusterplanner.core.simulation.SimulationResult.Estimate;
import dev.clusterplanner.core.simulation.SimulationResult.Histogram;
import dev.clusterplanner.core.simulation.SimulationResult.OptionStats;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Monte Carlo over growth, failures and prices. Each trial draws from its own generator, seeded
 * from the run's seed and the trial's index, and writes into its own slot: a run is repeatable
 * bit for bit whatever the number of threads, and a cancelled run returns the trials it finished.
 */
public final class MonteCarlo {

    static final double HOURS_PER_YEAR = 8760.0;
    /** The billing month every cost figure uses ({@link dev.clusterplanner.core.model.Hardware#HOURS_PER_MONTH}). */
    static final double HOURS_PER_MONTH = dev.clusterplanner.core.model.Hardware.HOURS_PER_MONTH;
    /** Trials are run in chunks of this size; progress and cancellation are checked between chunks. */
    static final int CHUNK = 250;
    /** Targets for "enough trials": probabilities within 1 point, means within 1 % (one standard error). */
    static final double PROBABILITY_SE_TARGET = 0.01;
    static final double MEAN_RELATIVE_SE_TARGET = 0.01;
    static final int HISTOGRAM_BINS = 30;

    private MonteCarlo() {
    }

    public static SimulationResult run(SimulationInputs in, int trials, long seed) {
        return run(in, trials, seed, done -> { }, () -> false);
    }

    /**
     * Runs up to {@code trials} trials on all cores, reporting progress as chunks complete and stopping
     * early when {@code cancelled} turns true.
     */
    public static SimulationResult run(SimulationInputs in, int trials, long seed, IntConsumer progress, BooleanSupplier cancelled) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be 1 or more, got " + trials);
        }
        int months = in.months();
        int nOptions = in.costs().size();
        int[] exhaustedMonth = new int[trials];
        double[][] totals = new double[nOptions][trials];
        double[] degradedHours = new double[trials];
        boolean[] atRisk = new boolean[trials];
        boolean[] hostFailureYearOne = new boolean[trials];
        boolean[] done = new boolean[trials];
        AtomicInteger completed = new AtomicInteger();
        Model model = new Model(in);
        int chunks = (trials + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            if (cancelled.getAsBoolean()) {
                return;
            }
            int from = c * CHUNK;
            int to = Math.min(trials, from + CHUNK);
            Trial scratch = new Trial(in);
            for (int i = from; i < to; i++) {
                SplittableRandom rng = new SplittableRandom(mix(seed, i));
                scratch.run(model, rng);
                exhaustedMonth[i] = scratch.exhaustedMonth;
                for (int o = 0; o < nOptions; o++) {
                    totals[o][i] = scratch.totals[o];
                }
                degradedHours[i] = scratch.degradedHours;
                atRisk[i] = scratch.atRisk;
                hostFailureYearOne[i] = scratch.hostFailureYearOne;
                done[i] = true;
            }
            // one chunk at a time, so the counts a listener sees only go up
            synchronized (completed) {
                progress.accept(completed.addAndGet(to - from));
            }
        });
        return summarise(in, trials, seed, done, exhaustedMonth, totals, degradedHours, atRisk, hostFailureYearOne);
    }

    /** A well-mixed 64-bit seed for trial {@code i} (SplitMix64 finaliser over seed and index). */
    static long mix(long seed, long i) {
        long z = seed + 0x9E3779B97F4A7C15L * (i + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Precomputed, read-only numbers shared by all trials. */
    static final class Model {
        final int months;
        final int dims;
        final double[][] base;        // [group][dim]
        final double[] growthMean;    // fraction per year
        final double[] capacity;
        final CostOption[] costs;
        final Reliability rel;
        final Uncertainty unc;
        final int hosts;
        final double hostRate;        // failures per hour per host
        final double diskRate;
        final double[][] agedRate;    // [aged host][month]: failures per hour of a host already owned, by its age that month

        Model(SimulationInputs in) {
            months = in.months();
            dims = in.dimensions().size();
            List<DemandGroup> groups = in.demand();
            base = new double[groups.size()][];
            growthMean = new double[groups.size()];
            for (int g = 0; g < groups.size(); g++) {
                base[g] = groups.get(g).demand();
                growthMean[g] = groups.get(g).growthPctYear() / 100.0;
            }
            capacity = in.capacity();
            costs = in.costs().toArray(new CostOption[0]);
            rel = in.reliability();
            unc = in.uncertainty();
            hosts = in.hosts();
            hostRate = rate(rel.hostAfr());
            diskRate = rate(rel.diskAfr());
            double[] ages = in.hostAgeMonths();
            agedRate = new double[ages.length][months];
            for (int h = 0; h < ages.length; h++) {
                for (int t = 0; t < months; t++) {
                    agedRate[h][t] = rate(in.ageRates().afr(rel.hostAfr(), (ages[h] + t) / 12.0));
                }
            }
        }

        /**
         * The next failure time (hours) of aged host h after {@code from}, or +infinity within the horizon: the hazard is
         * constant within each month at that month's rate, so an exponential draw of unit mean is spent month by month.
         */
        double nextAgedFailure(int h, double from, double draw) {
            double left = draw;
            double t = from;
            while (true) {
                int month = (int) (t / HOURS_PER_MONTH);
                if (month >= months) {
                    return Double.POSITIVE_INFINITY;
                }
                double r = agedRate[h][month];
                double end = (month + 1) * HOURS_PER_MONTH;
                if (r > 0 && left <= r * (end - t)) {
                    return t + left / r;
                }
                left -= r * (end - t);
                t = end;
            }
        }

        /** Constant hazard per hour with P(no failure in a year) = 1 - AFR. */
        static double rate(double afr) {
            return afr <= 0 ? 0 : -Math.log(1 - Math.min(afr, 0.999999)) / HOURS_PER_YEAR;
        }
    }

    /** Scratch state of one trial; reused across the trials of a chunk. */
    static final class Trial {
        final double[] demand;
        final double[] monthlyFactor;
        final double[] detMonthlyFactor;
        final double[] factor;
        final double[] detFactor;
        final double[] totals;
        final List<double[]> events = new ArrayList<>();
        final int[] seenHosts;
        int exhaustedMonth;
        double degradedHours;
        boolean atRisk;
        boolean hostFailureYearOne;

        Trial(SimulationInputs in) {
            int groups = in.demand().size();
            demand = new double[in.dimensions().size()];
            monthlyFactor = new double[groups];
            detMonthlyFactor = new double[groups];
            factor = new double[groups];
            detFactor = new double[groups];
            totals = new double[in.costs().size()];
            seenHosts = new int[Math.max(1, in.reliability().concurrentFailuresAtRisk())];
        }

        void run(Model m, SplittableRandom rng) {
            int groups = m.base.length;
            // growth rate per workload, drawn once per trial
            for (int g = 0; g < groups; g++) {
                double rate = m.growthMean[g];
                if (m.unc.growth()) {
                    rate += rng.nextGaussian() * m.unc.growthSdPoints() / 100.0;
                }
                rate = Math.max(rate, -0.99);
                monthlyFactor[g] = Math.pow(1 + rate, 1.0 / 12);
                detMonthlyFactor[g] = Math.pow(1 + m.growthMean[g], 1.0 / 12);
                factor[g] = 1;
                detFactor[g] = 1;
            }
            // price multipliers: a yearly random walk
            double elec = 1;
            double cloud = 1;
            Arrays.fill(totals, 0);
            exhaustedMonth = -1;
            for (int t = 0; t < m.months; t++) {
                if (t % 12 == 0 && t > 0 && m.unc.prices()) {
                    elec *= 1 + (m.unc.electricityDriftPctYear() + rng.nextGaussian() * m.unc.electricitySdPctYear()) / 100.0;
                    cloud *= 1 + (m.unc.cloudChangePctYear() + rng.nextGaussian() * m.unc.cloudSdPctYear()) / 100.0;
                }
                // demand at the end of month t+1
                Arrays.fill(demand, 0);
                double simWeight = 0;
                double detWeight = 0;
                for (int g = 0; g < groups; g++) {
                    factor[g] *= monthlyFactor[g];
                    detFactor[g] *= detMonthlyFactor[g];
                    double[] b = m.base[g];
                    for (int d = 0; d < demand.length; d++) {
                        demand[d] += b[d] * factor[g];
                    }
                    double w = b.length > 0 ? b[0] : 0;
                    simWeight += w * factor[g];
                    detWeight += w * detFactor[g];
                }
                if (exhaustedMonth < 0) {
                    for (int d = 0; d < demand.length; d++) {
                        if (demand[d] > m.capacity[d] * (1 + 1e-12)) {
                            exhaustedMonth = t + 1;
                            break;
                        }
                    }
                }
                double usageScale = detWeight > 0 ? simWeight / detWeight : 1;
                for (int o = 0; o < m.costs.length; o++) {
                    CostOption c = m.costs[o];
                    totals[o] += c.fixedAt(t) + c.energyAt(t) * elec + c.cloudAt(t) * cloud + c.usageAt(t) * usageScale;
                }
            }
            failures(m, rng);
        }

        /** Host and disk failures as Poisson processes; degraded time is the union of their windows. */
        void failures(Model m, SplittableRandom rng) {
            degradedHours = 0;
            atRisk = false;
            hostFailureYearOne = false;
            if (!m.unc.failures()) {
                return;
            }
            double horizon = m.months * HOURS_PER_MONTH;
            events.clear();
            Reliability r = m.rel;
            for (int h = 0; h < m.hosts; h++) {
                if (h < m.agedRate.length) {
                    // a host already owned: its failure rate follows its age month by month
                    double t = m.nextAgedFailure(h, 0, exp(rng, 1));
                    while (t < horizon) {
                        if (t < HOURS_PER_YEAR) {
                            hostFailureYearOne = true;
                        }
                        double repair = r.hostRepairHours() > 0 ? exp(rng, 1 / r.hostRepairHours()) : 0;
                        double window = r.canHealHostLoss() ? Math.min(repair, r.recoveryHoursHost()) : repair;
                        events.add(new double[]{t, t + window, h});
                        t = m.nextAgedFailure(h, t + repair, exp(rng, 1));
                    }
                } else if (m.hostRate > 0) {
                    double t = exp(rng, m.hostRate);
                    while (t < horizon) {
                        if (t < HOURS_PER_YEAR) {
                            hostFailureYearOne = true;
                        }
                        double repair = r.hostRepairHours() > 0 ? exp(rng, 1 / r.hostRepairHours()) : 0;
                        double window = r.canHealHostLoss() ? Math.min(repair, r.recoveryHoursHost()) : repair;
                        events.add(new double[]{t, t + window, h});
                        t += repair + exp(rng, m.hostRate);
                    }
                }
                if (m.diskRate > 0) {
                    for (int d = 0; d < r.disksPerHost(); d++) {
                        double t = exp(rng, m.diskRate);
                        while (t < horizon) {
                            double window = r.canHealDiskLoss() ? r.recoveryHoursDisk() : r.diskReplaceHours() + r.recoveryHoursDisk();
                            events.add(new double[]{t, t + window, h});
                            t += r.diskReplaceHours() + exp(rng, m.diskRate);
                        }
                    }
                }
            }
            if (events.isEmpty()) {
                return;
            }
            events.sort((a, b) -> Double.compare(a[0], b[0]));
            double coveredUntil = 0;
            for (int i = 0; i < events.size(); i++) {
                double[] e = events.get(i);
                double start = Math.max(e[0], coveredUntil);
                double end = Math.min(e[1], horizon);
                if (end > start) {
                    degradedHours += end - start;
                }
                coveredUntil = Math.max(coveredUntil, Math.min(e[1], horizon));
                if (!atRisk && r.concurrentFailuresAtRisk() > 0) {
                    // distinct hosts degraded at the moment this event starts, this one included
                    int distinct = 0;
                    seenHosts[distinct++] = (int) e[2];
                    for (int j = 0; j < i && distinct < seenHosts.length; j++) {
                        double[] o = events.get(j);
                        if (o[1] > e[0] && !contains(seenHosts, distinct, (int) o[2])) {
                            seenHosts[distinct++] = (int) o[2];
                        }
                    }
                    if (distinct >= r.concurrentFailuresAtRisk()) {
                        atRisk = true;
                    }
                }
            }
        }

        static boolean contains(int[] values, int count, int value) {
            for (int k = 0; k < count; k++) {
                if (values[k] == value) {
                    return true;
                }
            }
            return false;
        }

        static double exp(SplittableRandom rng, double rate) {
            return -Math.log(1 - rng.nextDouble()) / rate;
        }
    }

    static SimulationResult summarise(SimulationInputs in, int requested, long seed, boolean[] done, int[] exhaustedMonth,
                                      double[][] totals, double[] degraded, boolean[] atRisk, boolean[] hostYearOne) {
        int n = 0;
        for (boolean d : done) {
            if (d) {
                n++;
            }
        }
        int months = in.months();
        double[] curve = new double[months];
        int[] exhaustedCount = new int[months + 2];
        double degradedSum = 0;
        double degradedSq = 0;
        int riskCount = 0;
        int yearOneCount = 0;
        double years = months / 12.0;
        for (int i = 0; i < requested; i++) {
            if (!done[i]) {
                continue;
            }
            if (exhaustedMonth[i] > 0) {
                exhaustedCount[exhaustedMonth[i]]++;
            }
            double perYear = degraded[i] / years;
            degradedSum += perYear;
            degradedSq += perYear * perYear;
            if (atRisk[i]) {
                riskCount++;
            }
            if (hostYearOne[i]) {
                yearOneCount++;
            }
        }
        int running = 0;
        int month10 = -1;
        int month50 = -1;
        for (int m = 1; m <= months; m++) {
            running += exhaustedCount[m];
            curve[m - 1] = n == 0 ? 0 : (double) running / n;
            if (month10 < 0 && curve[m - 1] >= 0.10) {
                month10 = m;
            }
            if (month50 < 0 && curve[m - 1] >= 0.50) {
                month50 = m;
            }
        }
        List<OptionStats> options = new ArrayList<>();
        double[][] completedTotals = new double[in.costs().size()][];
        boolean meansPrecise = true;
        for (int o = 0; o < in.costs().size(); o++) {
            double[] values = new double[n];
            int k = 0;
            for (int i = 0; i < requested; i++) {
                if (done[i]) {
                    values[k++] = totals[o][i];
                }
            }
            completedTotals[o] = values;
            Estimate mean = meanOf(values);
            if (mean.value() != 0 && mean.standardError() > MEAN_RELATIVE_SE_TARGET * Math.abs(mean.value())) {
                meansPrecise = false;
            }
            Percentile p = new Percentile();
            p.setData(values);
            options.add(new OptionStats(in.costs().get(o).name(), in.costs().get(o).deterministicTotal(), mean,
                    n == 0 ? Double.NaN : p.evaluate(50), n == 0 ? Double.NaN : p.evaluate(90), n == 0 ? Double.NaN : p.evaluate(95),
                    histogram(values)));
        }
        List<Estimate> cheaper = new ArrayList<>();
        int owned = in.ownedOption();
        for (int o = 0; o < in.costs().size(); o++) {
            if (owned < 0 || o == owned) {
                cheaper.add(new Estimate(Double.NaN, Double.NaN));
                continue;
            }
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (completedTotals[owned][i] < completedTotals[o][i]) {
                    count++;
                }
            }
            cheaper.add(proportion(count, n));
        }
        double degradedMean = n == 0 ? 0 : degradedSum / n;
        double degradedVar = n < 2 ? 0 : (degradedSq - n * degradedMean * degradedMean) / (n - 1);
        Estimate degradedEstimate = new Estimate(degradedMean, n == 0 ? Double.NaN : Math.sqrt(Math.max(degradedVar, 0) / n));
        Estimate risk = proportion(riskCount, n);
        Estimate yearOne = proportion(yearOneCount, n);

        double worstProbabilitySe = Math.max(risk.standardError(), yearOne.standardError());
        for (double c : curve) {
            worstProbabilitySe = Math.max(worstProbabilitySe, n == 0 ? 1 : Math.sqrt(c * (1 - c) / n));
        }
        for (Estimate e : cheaper) {
            if (!Double.isNaN(e.standardError())) {
                worstProbabilitySe = Math.max(worstProbabilitySe, e.standardError());
            }
        }
        boolean enough = n > 0 && worstProbabilitySe <= PROBABILITY_SE_TARGET && meansPrecise;
        String reason = String.format(java.util.Locale.ROOT,
                "%d trials: largest standard error of a probability %.4f (target %.2f); mean costs %s within %.0f %% (one standard error)",
                n, worstProbabilitySe, PROBABILITY_SE_TARGET, meansPrecise ? "are" : "are NOT", MEAN_RELATIVE_SE_TARGET * 100);
        return new SimulationResult(requested, n, n < requested, seed, curve, month10, month50, options, cheaper,
                degradedEstimate, risk, yearOne, enough, reason);
    }

    static Estimate meanOf(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new Estimate(Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / n;
        double sq = 0;
        for (double v : values) {
            sq += (v - mean) * (v - mean);
        }
        double se = n < 2 ? 0 : Math.sqrt(sq / (n - 1) / n);
        return new Estimate(mean, se);
    }

    static Estimate proportion(int count, int n) {
        if (n == 0) {
            return new Estimate(Double.NaN, Double.NaN);
        }
        double p = (double) count / n;
        return new Estimate(p, Math.sqrt(p * (1 - p) / n));
    }

    static Histogram histogram(double[] values) {
        if (values.length == 0) {
            return new Histogram(0, 0, new int[0]);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        int bins = max > min ? HISTOGRAM_BINS : 1;
        double width = max > min ? (max - min) / bins : 1;
        int[] counts = new int[bins];
        for (double v : values) {
            int b = max > min ? (int) ((v - min) / width) : 0;
            counts[Math.min(b, bins - 1)]++;
        }
        return new Histogram(min, width, counts);
    }
}
