package dev.clusterplanner.core.fleet;

/** Integer scaling for CP-SAT: whole-number dimensions stay as they are, others count thousandths; money in cents. */
final class Scale {

    private Scale() {
    }

    /** 1 when every demand and finite capacity of dimension d is a whole number, else 1000. */
    static double of(Flat f, int d) {
        for (int i = 0; i < f.n; i++) {
            double v = f.dem[i * f.dims + d];
            if (v != Math.rint(v)) {
                return 1000;
            }
        }
        for (int t = 0; t < f.types; t++) {
            double v = f.cap[t * f.dims + d];
            if (!Double.isInfinite(v) && v != Math.rint(v)) {
                return 1000;
            }
        }
        return 1;
    }

    /** A demand rounded up (so a packing of scaled demands is a packing of the real ones). */
    static long demand(double v, double scale) {
        return (long) Math.ceil(v * scale - 1e-7);
    }

    /** A capacity rounded down. */
    static long capacity(double v, double scale) {
        return v >= 1e15 ? (long) 1e15 : (long) Math.floor(v * scale + 1e-7);
    }

    static long cents(double usd) {
        return Math.round(usd * 100);
    }
}
