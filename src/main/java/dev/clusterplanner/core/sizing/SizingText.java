package dev.clusterplanner.core.sizing;

import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.sizing.Attempts.Attempt;
import dev.clusterplanner.core.sizing.LowerBound.Bound;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The explanation text of a sizing option: why one host fewer would not do, what the failure check found, and the
 * number formats the explanations use.
 */
final class SizingText {

    private final SiteContext ctx;

    SizingText(SiteContext ctx) {
        this.ctx = ctx;
    }

    /** The reason for the last host: why one fewer would not do (empty when nothing needs saying). */
    String whyNotFewer(Hardware h, int n, Bound lb, Instances[] orders, Map<Integer, Attempt> tried) {
        Instances inst = orders[0];
        if (n <= 1) {
            return "";
        }
        int fewer = n - 1;
        if (fewer < ctx.minHosts) {
            return "the policy minimum is " + ctx.minHosts + " hosts (Incus and Ceph quorum)";
        }
        if (fewer < ctx.cephFloor) {
            return "Ceph " + ctx.p.ceph().describe() + " needs " + ctx.cephFloor + " hosts";
        }
        if (fewer < lb.cephCapacity()) {
            int[] include = ctx.countsOf(orders[0]);
            return fewer + " would leave " + tib(ctx.cephUsableBytes(SiteContext.repeat(h, fewer))) + " TiB usable in Ceph for "
                    + tib(ctx.cephStoredBytes(include)) + " TiB of instance disks";
        }
        if (fewer < lb.antiAffinity()) {
            return lb.aaWorkload() + " keeps " + (lb.antiAffinity() - ctx.k) + " replicas on distinct hosts"
                    + (ctx.k > 0 ? ", plus " + ctx.k + " for " + failures(ctx.k) : "");
        }
        boolean holds = tried.containsKey(fewer) ? tried.get(fewer).placedAll() : ctx.attempts.placesAll(SiteContext.repeat(h, fewer), orders);
        if (!holds) {
            Map<Dimension, Double> need = new EnumMap<>(Dimension.class);
            double[] t = ctx.total(ctx.countsOf(inst));
            double[][] caps = ctx.caps(SiteContext.repeat(h, fewer));
            String over = "";
            for (Dimension d : Dimension.values()) {
                double sum = 0;
                for (double[] c : caps) {
                    sum += c[d.ordinal()];
                }
                if (t[d.ordinal()] > 0 && !Double.isInfinite(sum) && sum > 0 && t[d.ordinal()] / sum > 1) {
                    need.put(d, t[d.ordinal()] / sum);
                }
            }
            if (!need.isEmpty()) {
                Dimension worst = need.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
                over = " (" + worst.id() + " would need " + pct(need.get(worst)) + ")";
            }
            return fewer + " would not hold the load" + over;
        }
        if (ctx.k > 0) {
            return fewer + " would hold the load but not after " + failures(ctx.k);
        }
        return "";
    }

    FailureCheck failureCheck(Attempt a, Placement placement) {
        Packing.Outcome o = a.outcome();
        int n = a.packing().caps.length;
        if (ctx.k == 0) {
            return new FailureCheck(0, "none", 0, true, "no host failure is planned for (failuresTolerated 0)");
        }
        if (a.packing().unplaced > 0) {
            return new FailureCheck(ctx.k, "none", 0, false, "not checked: some instances are not placed");
        }
        if ("bound".equals(o.method())) {
            return new FailureCheck(ctx.k, "bound", 0, o.holds(), o.holds()
                    ? "holds by the slot bound (" + Packing.choose(n, ctx.k) + " failure sets are too many to evacuate one by one)"
                    : "the slot bound cannot show that every set of " + ctx.k + " failed hosts heals");
        }
        if (o.holds()) {
            String how = o.setsEvacuated() == o.setsChecked() ? " (each evacuated onto the survivors)"
                    : " (" + o.setsEvacuated() + " evacuated onto the survivors; the rest lose hosts identical to those, so they heal alike)";
            return new FailureCheck(ctx.k, "enumerated", o.setsChecked(), true, ctx.k == 1
                    ? "all " + o.setsChecked() + " single-host failures heal" + how
                    : "all " + o.setsChecked() + " sets of " + ctx.k + " failed hosts heal" + how);
        }
        StringBuilder lost = new StringBuilder();
        if (o.failedSet() != null) {
            for (int f : o.failedSet()) {
                lost.append(lost.length() == 0 ? "" : " and ").append(placement.hosts().get(f).name());
            }
        }
        Instances inst = a.packing().inst;
        String stranded = o.strandedW() >= 0 && o.strandedOrd() >= 1 ? ctx.ws.get(o.strandedW()).instanceName(o.strandedOrd()) : "an instance";
        return new FailureCheck(ctx.k, "enumerated", o.setsChecked(), false, "losing " + lost + " leaves " + stranded + " without a host");
    }

    static String failures(int k) {
        return k == 1 ? "a host failure" : k + " host failures";
    }

    static String pct(double f) {
        return Double.isInfinite(f) ? "infinite %" : Math.round(f * 100) + " %";
    }

    static String num(double v) {
        return CapacityModel.fmt(v);
    }

    static String gib(double v) {
        return CapacityModel.fmt(v) + " GiB";
    }

    static final double GIB = 1024.0 * 1024 * 1024;
    static final double TIB = GIB * 1024;

    static String tib(double bytes) {
        return CapacityModel.fixed2(bytes / TIB);
    }

    static String usd(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    static String amount(Dimension d, double v) {
        return num(v) + switch (d) {
            case CPU -> " reference threads of";
            case GPU -> "";
            case NETWORK -> " Mbit/s of";
            case MEMORY, DISK -> " GiB";
        };
    }
}
