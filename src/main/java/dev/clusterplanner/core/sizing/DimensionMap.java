package dev.clusterplanner.core.sizing;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable map from every {@link Dimension} to a figure, backed by an array and iterated in dimension order
 * (as an {@code EnumMap}); equal to any map with the same entries. A placement holds two per host.
 */
final class DimensionMap extends AbstractMap<Dimension, Double> {

    private static final Dimension[] DIMS = Dimension.values();
    private final double[] v;

    /** @param values one figure per dimension, indexed by ordinal (copied) */
    DimensionMap(double[] values) {
        this.v = values.clone();
    }

    @Override
    public Double get(Object key) {
        return key instanceof Dimension d ? v[d.ordinal()] : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof Dimension;
    }

    @Override
    public Double getOrDefault(Object key, Double defaultValue) {
        return key instanceof Dimension d ? v[d.ordinal()] : defaultValue;
    }

    @Override
    public int size() {
        return DIMS.length;
    }

    @Override
    public Set<Entry<Dimension, Double>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<Dimension, Double>> iterator() {
                return new Iterator<>() {
                    int i;

                    @Override
                    public boolean hasNext() {
                        return i < DIMS.length;
                    }

                    @Override
                    public Entry<Dimension, Double> next() {
                        if (i >= DIMS.length) {
                            throw new NoSuchElementException();
                        }
                        Dimension d = DIMS[i];
                        return new SimpleImmutableEntry<>(d, v[i++]);
                    }
                };
            }

            @Override
            public int size() {
                return DIMS.length;
            }
        };
    }
}
