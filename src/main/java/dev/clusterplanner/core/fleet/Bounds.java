package dev.clusterplanner.core.fleet;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;

import java.util.Arrays;

/**
 * Lower bounds: no fleet can cost less.
 * <ul>
 *   <li>Host count: the fewest hosts of the problem, and per dimension the Martello-Toth bound L2 of the instances
 *       packed into bins of the largest capacity any type has (a bin-packing bound, valid for every type mix).</li>
 *   <li>Cost: the cheapest multiset of types (within stock) whose summed capacity covers the summed demand in every
 *       dimension with at least that many hosts, solved as a small integer programme by CP-SAT (its proven bound).</li>
 * </ul>
 */
final class Bounds {

    private Bounds() {
    }

    /** Martello-Toth L2 for items {@code w} in bins of capacity {@code c}. */
    static long l2(double[] w, double c) {
        if (w.length == 0) {
            return 0;
        }
        double[] s = w.clone();
        Arrays.sort(s);
        int n = s.length;
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + s[i];
        }
        double eps = 1e-9 * Math.max(1, c);
        long best = (long) Math.ceil(prefix[n] / c - 1e-9);
        // alpha ranges over 0 and the distinct sizes up to c/2
        double prev = -1;
        for (int a = -1; a < n; a++) {
            double alpha = a < 0 ? 0 : s[a];
            if (alpha > c / 2 + eps) {
                break;
            }
            if (alpha == prev) {
                continue;
            }
            prev = alpha;
            int j1 = upper(s, c - alpha + eps);          // first index with size > c - alpha
            int j2 = upper(s, c / 2 + eps);              // first index with size > c/2
            int j3 = lower(s, alpha - eps);              // first index with size >= alpha
            long n1 = n - j1;
            long n2 = j1 - j2;
            double sum2 = prefix[j1] - prefix[j2];
            double sum3 = prefix[j2] - prefix[j3];
            double free2 = n2 * c - sum2;
            long extra = (long) Math.max(0, Math.ceil((sum3 - free2) / c - 1e-9));
            best = Math.max(best, n1 + n2 + extra);
        }
        return best;
    }

    /** First index with s[i] > v. */
    private static int upper(double[] s, double v) {
        int lo = 0;
        int hi = s.length;
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (s[m] > v) {
                hi = m;
            } else {
                lo = m + 1;
            }
        }
        return lo;
    }

    /** First index with s[i] >= v. */
    private static int lower(double[] s, double v) {
        int lo = 0;
        int hi = s.length;
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (s[m] >= v) {
                hi = m;
            } else {
                lo = m + 1;
            }
        }
        return lo;
    }

    /** Fewest hosts any answer has (see class comment). */
    static long hosts(Flat f) {
        long best = f.fewestHosts;
        double[] w = new double[f.n];
        for (int d = 0; d < f.dims; d++) {
            if (f.pooled[d]) {
                continue;
            }
            double c = 0;
            for (int t = 0; t < f.types; t++) {
                c = Math.max(c, f.cap[t * f.dims + d]);
            }
            if (Double.isInfinite(c) || c <= 0) {
                continue;
            }
            for (int i = 0; i < f.n; i++) {
                w[i] = f.dem[i * f.dims + d];
            }
            best = Math.max(best, l2(w, c));
        }
        return best;
    }

    /**
     * Lowest cost of a multiset of types within stock covering the summed demand per dimension with at least
     * {@code minHosts} hosts: CP-SAT's proven bound in cents, over 100. 0 when it finds nothing within its budget.
     */
    static double cost(Flat f, long minHosts, double workBudget) {
        CpModel m = new CpModel();
        IntVar[] nt = new IntVar[f.types];
        long maxHosts = Math.max(minHosts, f.n) + f.fewestHosts;
        for (int t = 0; t < f.types; t++) {
            long ub = Math.min(maxHosts, f.poolStock[f.poolOf[t]]);
            nt[t] = m.newIntVar(0, ub, "n" + t);
        }
        for (int q = 0; q < f.poolStock.length; q++) {
            if (f.poolStock[q] == Integer.MAX_VALUE) {
                continue;
            }
            LinearExprBuilder e = LinearExpr.newBuilder();
            for (int t = 0; t < f.types; t++) {
                if (f.poolOf[t] == q) {
                    e.add(nt[t]);
                }
            }
            m.addLessOrEqual(e, f.poolStock[q]);
        }
        for (int d = 0; d < f.dims; d++) {
            boolean unlimited = false;
            for (int t = 0; t < f.types; t++) {
                unlimited |= Double.isInfinite(f.cap[t * f.dims + d]);
            }
            if (unlimited) {
                continue;
            }
            double total = 0;
            double scale = f.scale[d];
            for (int i = 0; i < f.n; i++) {
                total += f.dem[i * f.dims + d];
            }
            LinearExprBuilder e = LinearExpr.newBuilder();
            for (int t = 0; t < f.types; t++) {
                e.addTerm(nt[t], (long) Math.ceil(f.cap[t * f.dims + d] * scale - 1e-6)); // capacity up: a relaxation
            }
            m.addGreaterOrEqual(e, (long) Math.floor(total * scale + 1e-6));            // demand down: a relaxation
        }
        m.addGreaterOrEqual(LinearExpr.sum(nt), minHosts);
        long[] cents = new long[f.types];
        for (int t = 0; t < f.types; t++) {
            cents[t] = Scale.cents(f.cost[t]);
        }
        m.minimize(LinearExpr.weightedSum(nt, cents));
        CpSolver s = new CpSolver();
        s.getParameters().setNumWorkers(1).setMaxDeterministicTime(workBudget).setRandomSeed(1)
                .setCatchSigintSignal(false); // Ctrl+C is the program's (it keeps the best answer), not the native solver's
        s.solve(m);
        double bound = s.bestObjectiveBound();
        return Double.isFinite(bound) && bound > 0 ? Math.ceil(bound - 1e-6) / 100.0 : 0;
    }
}
