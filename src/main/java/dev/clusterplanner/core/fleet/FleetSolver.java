package dev.clusterplanner.core.fleet;

import com.google.ortools.Loader;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The cheapest fleet: the cheapest of first fit decreasing ({@link Greedy}), Minimum Bin Slack ({@link MinimumSlack})
 * and the caller's starts ({@link FleetStart}: the sizing engine's options) as the start, perturbed Minimum Bin Slack restarts while they find cheaper starts (decision 0221), then a large
 * neighbourhood search whose
 * every step frees the instances of a few hosts and places them again exactly with CP-SAT ({@link Repair}), within
 * a budget; a lower bound ({@link Bounds}) is reported with the answer and ends the search when reached.
 * <p>
 * Deterministic: the neighbourhoods come from a seeded generator and every CP-SAT call runs on one worker with a
 * deterministic work limit, so with {@link FleetSettings#deterministic()} the same input and settings give the same
 * answer on any machine load. Progress is reported on every improvement and every 50 steps; cancel is checked
 * between steps (a step takes a fraction of a second).
 */
public final class FleetSolver {

    /** Work units of one repair at most. */
    static final double REPAIR_WORK = 0.25;
    /** Most hosts destroyed in one repair. */
    static final int MAX_DESTROY = 12;
    /** Types offered in one repair when there are many (configured chassis): the best for the freed load plus a few drawn. */
    static final int OFFERED_TYPES = 16;

    private static boolean loaded;

    private FleetSolver() {
    }

    /** Loads OR-Tools' native library once per process. */
    static synchronized void loadNative() {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }

    /** Solves without progress reports or cancel. */
    public static FleetSolution solve(FleetProblem p, FleetSettings s) {
        return solve(p, s, x -> { }, () -> false);
    }

    public static FleetSolution solve(FleetProblem p, FleetSettings settings, Consumer<FleetProgress> progress, BooleanSupplier cancelled) {
        return solve(p, settings, progress, cancelled, List.of());
    }

    /**
     * Solves from the cheapest complete answer among the constructions and the caller's {@code starts} (a start that
     * breaks a rule of the problem is not used), so the answer never costs more than a usable start.
     */
    public static FleetSolution solve(FleetProblem p, FleetSettings settings, Consumer<FleetProgress> progress, BooleanSupplier cancelled,
                                      List<FleetStart> starts) {
        long t0 = System.nanoTime();
        loadNative();
        Flat f = new Flat(p);
        double budget = settings.timeLimitSeconds() * FleetSettings.WORK_PER_SECOND;
        long[] sizeUnits = sizeUnits(f);
        Fleet start = Greedy.start(f);
        Fleet mbs = MinimumSlack.start(f);
        if (complete(f, mbs) && (!complete(f, start) || mbs.cost() < start.cost() - 1e-9)) {
            start = mbs;
        }
        for (FleetStart given : starts) {
            Fleet g = given.toFleet(f);
            if (g != null && (!complete(f, start) || g.cost() < start.cost() - 1e-9)) {
                start = g;
            }
        }
        double placeWork = 0;
        if (!start.allPlaced()) {
            // neither construction placed everything: let CP-SAT place the whole problem, or prove it cannot be done
            Repair.Outcome o = placeAll(f, start, Math.max(0.05, 0.5 * budget), sizeUnits);
            placeWork = o.work();
        }
        double startCost = start.cost();
        boolean grown = start.hosts.size() >= f.fewestHosts && start.headroomShort() < 0;
        if (!start.allPlaced() || !grown) {
            return start.toSolution(0, FleetSolution.Status.INFEASIBLE, 0, seconds(t0), true, startCost);
        }
        double wallCap = settings.wallCap();
        long hostBound = Bounds.hosts(f);
        double work = placeWork;
        double boundWork = Math.min(1.0, 0.05 * budget + 0.05);
        double lb = Bounds.cost(f, hostBound, boundWork);
        work += boundWork * 0.2; // the bound model is tiny; count a share of its limit
        // perturbed minimum bin slack: other starts, as long as they keep finding cheaper ones
        SplittableRandom restarts = new SplittableRandom(settings.seed() * 31 + 7);
        for (int fails = 0; fails < RESTART_PATIENCE && work < RESTART_SHARE * budget && start.cost() > lb + 1e-6
                && !cancelled.getAsBoolean() && seconds(t0) <= wallCap; ) {
            Fleet c = MinimumSlack.perturbed(f, restarts, RESTART_NOISE);
            work += (MinimumSlack.lastNodes() + 20.0 * f.n) / MinimumSlack.NODES_PER_WORK;
            if (complete(f, c) && c.cost() < start.cost() - 1e-9) {
                start = c;
                fails = 0;
            } else {
                fails++;
            }
        }
        Fleet best = start;
        Fleet cur = start.copy();
        double bestCost = start.cost();
        long iter = 0;
        boolean deterministic = true;
        FleetSolution.Status status = FleetSolution.Status.BUDGET_SPENT;
        progress.accept(new FleetProgress(bestCost, lb, 0, 0, seconds(t0)));
        SplittableRandom rnd = new SplittableRandom(settings.seed());
        int r = 3;
        boolean full = fullModelSize(f, cur) <= FULL_MODEL_LIMIT;
        double lnsBudget = full ? budget * 0.6 : budget;
        while (true) {
            if (bestCost <= lb + 1e-6) {
                status = FleetSolution.Status.OPTIMAL;
                break;
            }
            if (cancelled.getAsBoolean()) {
                status = FleetSolution.Status.CANCELLED;
                break;
            }
            if (work >= lnsBudget) {
                break;
            }
            if (seconds(t0) > wallCap) {
                deterministic = false;
                break;
            }
            int hosts = cur.hosts.size();
            if (hosts == 0) {
                break;
            }
            int rr = Math.min(r, hosts);
            int[] destroy = pickDestroy(f, cur, rr, rnd);
            int[] receivers = pickReceivers(cur, destroy, Math.min(hosts - rr, 2 * rr + 2), rnd);
            int[] offer = pickTypes(f, cur, destroy, rnd);
            Repair.Outcome o = Repair.run(f, cur, destroy, receivers, offer, 2 * rr, Math.min(REPAIR_WORK, budget - work + 0.01),
                    (int) (iter % Integer.MAX_VALUE), sizeUnits);
            work += o.work() + 0.0005;
            iter++;
            if (o.optimal()) {
                r = Math.min(Math.min(MAX_DESTROY, hosts), r + 1);
            } else {
                r = Math.max(2, r - 1);
            }
            double c = cur.cost();
            if (c < bestCost - 1e-9) {
                bestCost = c;
                best = cur.copy();
                progress.accept(new FleetProgress(bestCost, lb, Math.min(1, work / Math.max(budget, 1e-9)), iter, seconds(t0)));
            } else if (iter % 50 == 0) {
                progress.accept(new FleetProgress(bestCost, lb, Math.min(1, work / Math.max(budget, 1e-9)), iter, seconds(t0)));
            }
        }
        if (full && status == FleetSolution.Status.BUDGET_SPENT && seconds(t0) <= wallCap) {
            // the whole problem as one CP-SAT model, the best answer as its hint: a better answer or a proof
            Fleet whole = best.copy();
            int[] all = new int[whole.hosts.size()];
            for (int h = 0; h < all.length; h++) {
                all[h] = h;
            }
            int[] types = new int[f.types];
            for (int t = 0; t < f.types; t++) {
                types[t] = t;
            }
            Repair.Outcome o = Repair.run(f, whole, all, new int[0], types, f.n, Math.max(0.05, budget - work), 1, sizeUnits);
            work += o.work();
            iter++;
            lb = Math.max(lb, o.costBound());
            if (whole.cost() < bestCost - 1e-9) {
                best = whole;
                bestCost = whole.cost();
            }
            if (o.optimal()) {
                lb = Math.max(lb, bestCost);
            }
        }
        if (!settings.deterministic() || status == FleetSolution.Status.CANCELLED) {
            deterministic = false; // a cancelled search stopped when the user did: another run may stop elsewhere
        }
        if (bestCost <= lb + 1e-6) {
            status = FleetSolution.Status.OPTIMAL;
        }
        FleetSolution out = best.toSolution(Math.min(lb, bestCost), status, iter, seconds(t0), deterministic, startCost);
        progress.accept(new FleetProgress(bestCost, Math.min(lb, bestCost), 1, iter, seconds(t0)));
        return out;
    }

    /** Every instance placed, the fewest hosts and the failure headroom kept. */
    static boolean complete(Flat f, Fleet fl) {
        return fl.allPlaced() && fl.hosts.size() >= f.fewestHosts && fl.headroomShort() < 0;
    }

    /** Places the unplaced instances (and all others again) by one CP-SAT model over every type; then the fleet-wide rules. */
    static Repair.Outcome placeAll(Flat f, Fleet fl, double work, long[] sizeUnits) {
        int[] all = new int[fl.hosts.size()];
        for (int h = 0; h < all.length; h++) {
            all[h] = h;
        }
        int[] types = new int[f.types];
        for (int t = 0; t < f.types; t++) {
            types[t] = t;
        }
        Repair.Outcome o = Repair.run(f, fl, all, new int[0], types, f.n, work, 1, sizeUnits);
        if (fl.allPlaced()) {
            double[] ref = Greedy.refCap(f);
            Greedy.finish(f, fl, ref, Greedy.weights(f, ref));
        }
        return o;
    }

    /** Perturbed starts tried after the last one that was cheaper, at most. */
    static final int RESTART_PATIENCE = 60;
    /** Share of the budget the perturbed starts may take at most. */
    static final double RESTART_SHARE = 0.1;
    /** Perturbation of the sizes that order the perturbed starts (Fleszar and Hindi's perturbation MBS'). */
    static final double RESTART_NOISE = 0.3;

    /** Largest instances x slots for which the whole problem is also solved as one CP-SAT model. */
    static final long FULL_MODEL_LIMIT = 12_000;

    /** Instances x slots of the whole problem as one model (slots per type: within stock, at most what the instances need alone). */
    static long fullModelSize(Flat f, Fleet fl) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < f.n; i++) {
            all.add(i);
        }
        long slots = 0;
        for (int t = 0; t < f.types; t++) {
            slots += Math.min(f.poolStock[f.poolOf[t]], Repair.hostsToCarry(f, all, t));
        }
        return slots * f.n;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Instance sizes for the repair's tie-break, in thousandths, at least 1. */
    static long[] sizeUnits(Flat f) {
        double[] s = Greedy.sizes(f);
        long[] u = new long[f.n];
        for (int i = 0; i < f.n; i++) {
            u[i] = 1 + Math.round(s[i] * 1000);
        }
        return u;
    }

    /** A quarter of the time the emptiest host, a quarter the emptiest of three drawn, plus others drawn; else all drawn. */
    static int[] pickDestroy(Flat f, Fleet fl, int r, SplittableRandom rnd) {
        int n = fl.hosts.size();
        int[] out = new int[r];
        boolean[] taken = new boolean[n];
        int c = 0;
        if (rnd.nextBoolean()) {
            boolean all = rnd.nextBoolean();
            int pick = -1;
            double u = Double.POSITIVE_INFINITY;
            for (int j = 0; j < (all ? n : 3); j++) {
                int h = all ? j : rnd.nextInt(n);
                double uh = fl.hosts.get(h).utilisation(f);
                if (uh < u) {
                    u = uh;
                    pick = h;
                }
            }
            out[c++] = pick;
            taken[pick] = true;
        }
        while (c < r) {
            int h = rnd.nextInt(n);
            if (!taken[h]) {
                taken[h] = true;
                out[c++] = h;
            }
        }
        Arrays.sort(out);
        return out;
    }

    static int[] pickReceivers(Fleet fl, int[] destroy, int p, SplittableRandom rnd) {
        int n = fl.hosts.size();
        boolean[] taken = new boolean[n];
        for (int h : destroy) {
            taken[h] = true;
        }
        int[] out = new int[Math.max(0, p)];
        int c = 0;
        int guard = 0;
        while (c < out.length && guard++ < 50 * (p + 1)) {
            int h = rnd.nextInt(n);
            if (!taken[h]) {
                taken[h] = true;
                out[c++] = h;
            }
        }
        return Arrays.copyOf(out, c);
    }

    /** All types when few; else the types cheapest per useful capacity for the freed load, plus a few drawn. */
    static int[] pickTypes(Flat f, Fleet fl, int[] destroy, SplittableRandom rnd) {
        if (f.types <= OFFERED_TYPES) {
            int[] all = new int[f.types];
            for (int t = 0; t < f.types; t++) {
                all[t] = t;
            }
            return all;
        }
        double[] need = new double[f.dims];
        for (int h : destroy) {
            Fleet.Host x = fl.hosts.get(h);
            for (int d = 0; d < f.dims; d++) {
                need[d] += x.load[d];
            }
        }
        double[] ref = Greedy.refCap(f);
        Integer[] order = new Integer[f.types];
        double[] ratio = new double[f.types];
        for (int t = 0; t < f.types; t++) {
            order[t] = t;
            double value = 0;
            for (int d = 0; d < f.dims; d++) {
                if (f.limited[d] && need[d] > 0) {
                    value += Math.min(f.cap[t * f.dims + d], need[d]) / ref[d];
                }
            }
            ratio[t] = value > 0 ? f.cost[t] / value : Double.MAX_VALUE;
        }
        Arrays.sort(order, (a, b) -> ratio[a] != ratio[b] ? Double.compare(ratio[a], ratio[b]) : Integer.compare(a, b));
        List<Integer> out = new ArrayList<>();
        for (int j = 0; j < OFFERED_TYPES * 3 / 4; j++) {
            out.add(order[j]);
        }
        while (out.size() < OFFERED_TYPES) {
            int t = rnd.nextInt(f.types);
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
