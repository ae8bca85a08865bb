package dev.clusterplanner.core.configure;

import dev.clusterplanner.core.capacity.CephCapacity;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareOption;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.PriceItem;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.core.sizing.CapacityModel;
import dev.clusterplanner.core.sizing.HostCost;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Expansion of a catalog row with configure-to-order options into configurations (derived hardware rows), the pricing
 * of each choice, and the non-dominated ones for a site's policy. The one home of "what a configured host has and
 * costs": the sizing's choice ({@link ConfigurationChoice}) and the fleet optimiser read it from here.
 */
public final class Configurations {

    /** Most configurations one row expands to; further combinations are not tried (and that is said). */
    public static final int MAX_CONFIGURATIONS = 4096;

    /** A choice that has no price (listed by {@code catalog check}, never chosen), and why. */
    public record Unpriced(HardwareOption option, String reason) {
    }

    /** Every combination of a row's priced choices ({@code capped}: more existed than {@link #MAX_CONFIGURATIONS}). */
    public record Expansion(List<Configuration> configurations, boolean capped, List<Unpriced> unpriced) {
        public Expansion {
            configurations = List.copyOf(configurations);
            unpriced = List.copyOf(unpriced);
        }
    }

    private Configurations() {
    }

    /**
     * The non-dominated configurations of {@code base} for a site's policy, as hardware rows (the row as shipped
     * included, first): what the fleet optimiser offers as host types of one chassis. A row without options gives itself.
     */
    public static List<Hardware> configurations(Hardware base, Catalog catalog, Policy policy, HostCost cost) {
        return nonDominated(expand(base, catalog.options(base.id()), catalog.prices()).configurations(), policy, cost)
                .stream().map(Configuration::row).toList();
    }

    /**
     * The configuration a configured id names ({@code <row id>.<choice id>...}, as every output writes it), so that a plan
     * may name one as a candidate; empty when no row with options expands to it.
     */
    public static Optional<Configuration> resolve(String id, Catalog catalog) {
        for (Hardware h : catalog.hardware()) {
            if (id.startsWith(h.id() + ".")) {
                List<HardwareOption> options = catalog.options(h.id());
                if (!options.isEmpty()) {
                    for (Configuration c : expand(h, options, catalog.prices()).configurations()) {
                        if (c.row().id().equals(id)) {
                            return Optional.of(c);
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Every choice of the catalog that has no price, with the reason (a missing part, a price that does not fit the row). */
    public static List<Unpriced> unpriced(Catalog catalog) {
        List<Unpriced> out = new ArrayList<>();
        for (HardwareOption o : catalog.options()) {
            Optional<Hardware> base = catalog.hardware(o.hardware());
            if (base.isEmpty()) {
                out.add(new Unpriced(o, "its hardware row '" + o.hardware() + "' is not in the catalog"));
                continue;
            }
            Object priced = price(o, base.get(), catalog.prices());
            if (priced instanceof String reason) {
                out.add(new Unpriced(o, reason));
            }
        }
        return out;
    }

    /**
     * Every combination of one choice per group (the implicit "as shipped" first), priced choices only; the as-shipped
     * configuration is the row itself.
     */
    public static Expansion expand(Hardware base, List<HardwareOption> options, List<PriceItem> prices) {
        Map<HardwareOption.Group, List<Configuration.Choice>> groups = new EnumMap<>(HardwareOption.Group.class);
        List<Unpriced> unpriced = new ArrayList<>();
        for (HardwareOption o : options) {
            Object priced = price(o, base, prices);
            if (priced instanceof Configuration.Choice c) {
                groups.computeIfAbsent(o.group(), g -> new ArrayList<>()).add(c);
            } else {
                unpriced.add(new Unpriced(o, (String) priced));
            }
        }
        List<List<Configuration.Choice>> lists = new ArrayList<>();
        for (List<Configuration.Choice> g : groups.values()) {
            List<Configuration.Choice> withShipped = new ArrayList<>();
            withShipped.add(null); // as shipped
            withShipped.addAll(g);
            lists.add(withShipped);
        }
        List<Configuration> out = new ArrayList<>();
        boolean capped = expand(base, lists, 0, new ArrayList<>(), out);
        return new Expansion(out, capped, unpriced);
    }

    private static boolean expand(Hardware base, List<List<Configuration.Choice>> lists, int g, List<Configuration.Choice> chosen,
                                  List<Configuration> out) {
        if (out.size() >= MAX_CONFIGURATIONS) {
            return true;
        }
        if (g == lists.size()) {
            List<Configuration.Choice> taken = chosen.stream().filter(c -> c != null).toList();
            out.add(new Configuration(taken.isEmpty() ? base : DerivedRow.of(base, taken), base, taken));
            return false;
        }
        boolean capped = false;
        for (Configuration.Choice c : lists.get(g)) {
            chosen.add(c);
            capped |= expand(base, lists, g + 1, chosen, out);
            chosen.remove(chosen.size() - 1);
        }
        return capped;
    }

    /**
     * The configurations no other one dominates for this policy ({@link Dominance}): capacity per host as the sizing
     * engine counts it (cpu, memory, local disk, GPU, network, with the Ceph tax of each OSD), the host's raw Ceph
     * capacity; cost = the horizon cost used for ranking. A configuration without a cost is left out.
     */
    public static List<Configuration> nonDominated(List<Configuration> all, Policy p, HostCost cost) {
        List<Configuration> priced = all.stream().filter(c -> cost.perHost(c.row()).isPresent()).toList();
        return Dominance.nonDominated(priced, c -> capacity(c.row(), p), c -> cost.perHost(c.row()).getAsDouble());
    }

    /** What one host offers for domination: the sizing engine's dimensions (network included) and its Ceph raw share. */
    static double[] capacity(Hardware h, Policy p) {
        double[] c = CapacityModel.capacity(h, p, 0);
        double[] out = new double[c.length + 1];
        System.arraycopy(c, 0, out, 0, c.length);
        out[c.length] = p.storageMode() == StorageMode.CEPH ? CephCapacity.hostRawBytes(h) / CephCapacity.BYTES_PER_GB : 0;
        return out;
    }

    /**
     * The price of one choice for its row: a {@link Configuration.Choice}, or a String saying why it has none. A purchased
     * row's choice is priced by its parts (value x quantity each); a rented row's by its monthly add-on.
     */
    static Object price(HardwareOption o, Hardware base, List<PriceItem> prices) {
        if (!o.priced()) {
            return "no price: neither parts from the price catalog nor a monthly add-on with its source";
        }
        if (base.rented()) {
            if (o.monthlyUsd() == null) {
                return "'" + base.id() + "' is rented: a choice needs the provider's monthly add-on (monthly_usd), not parts";
            }
            if (base.monthlyUsd() == null) {
                return "'" + base.id() + "' is billed by the hour: a monthly add-on cannot be added to its rate";
            }
            return new Configuration.Choice(o, null, o.monthlyUsd(), o.source(), o.sourceDate(), o.estimate());
        }
        if (o.monthlyUsd() != null) {
            return "'" + base.id() + "' is bought: a choice is priced by its parts, not a monthly add-on";
        }
        if (base.priceUsd() == null) {
            return "'" + base.id() + "' has no purchase price to add the parts to";
        }
        double sum = 0;
        boolean estimate = false;
        LocalDate oldest = null;
        List<String> sources = new ArrayList<>();
        for (HardwareOption.Part part : o.parts()) {
            PriceItem item = prices.stream().filter(p -> p.id().equals(part.id())).findFirst().orElse(null);
            if (item == null) {
                return "the part '" + part.id() + "' is not in the price catalog";
            }
            sum += item.value() * part.quantity();
            estimate |= item.estimate();
            if (item.sourceDate() != null && (oldest == null || item.sourceDate().isBefore(oldest))) {
                oldest = item.sourceDate();
            }
            sources.add(part.id() + " x " + num(part.quantity()) + " at " + money(item.value()) + " " + unitWords(item.unit())
                    + " = " + money(item.value() * part.quantity()) + " USD: " + item.source()
                    + (item.sourceDate() == null ? "" : " (" + item.sourceDate() + ")"));
        }
        return new Configuration.Choice(o, sum, null, String.join("; ", sources), oldest, estimate || o.estimate());
    }

    /** The horizon cost of a configuration by {@code cost}, if it has one. */
    static OptionalDouble costOf(Configuration c, HostCost cost) {
        return cost.perHost(c.row());
    }

    private static String unitWords(String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "usd" -> "USD each";
            case "usd_per_tb" -> "USD/TB";
            default -> unit;
        };
    }

    /** 35.2 -> "35.20", 1234 -> "1,234". */
    static String money(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%,.2f", v);
    }

    static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
