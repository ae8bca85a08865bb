package dev.clusterplanner.core.model;

/**
 * How a Ceph pool protects data: replicated ({@code size} copies, writes allowed while {@code minSize}
 * are up) or erasure-coded ({@code k} data + {@code m} coding chunks). {@code k == 0} means replicated.
 * Defaults follow Ceph's own: size 3, min_size 2, nearfull 0.85 (src/common/options/global.yaml.in).
 */
public record CephLayout(int size, int minSize, int k, int m, double nearfullRatio) {

    public static final CephLayout DEFAULT = new CephLayout(3, 2, 0, 0, 0.85);

    public static CephLayout replicated(int size, int minSize) {
        return new CephLayout(size, minSize, 0, 0, 0.85);
    }

    public static CephLayout erasure(int k, int m) {
        return new CephLayout(0, 0, k, m, 0.85);
    }

    public boolean isErasureCoded() {
        return k > 0;
    }

    public String describe() {
        return isErasureCoded() ? "EC " + k + "+" + m : "replicated size " + size + "/min_size " + minSize;
    }
}
