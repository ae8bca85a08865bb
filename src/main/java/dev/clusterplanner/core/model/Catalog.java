package dev.clusterplanner.core.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the planner knows about hardware, prices and workload profiles, loaded from the
 * shipped catalogs with a user's own folder layered over them. Immutable.
 *
 * @param overridden ids of hardware rows and prices that a user's catalog replaced (shown as overrides)
 * @param profiles   the workload profile library, by name
 * @param userRows   ids (a profile: its name) of every row that comes from the user's own catalog folder,
 *                   new or overriding: marked as the user's in every listing
 * @param options    configure-to-order choices for hardware rows (catalog {@code options/*.csv})
 */
public record Catalog(List<Hardware> hardware, List<PriceItem> prices, List<Workload> profiles, Set<String> overridden,
                      Set<String> userRows, List<HardwareOption> options) {

    public static final Catalog EMPTY = new Catalog(List.of(), List.of(), List.of(), Set.of());

    public Catalog {
        hardware = List.copyOf(hardware);
        prices = List.copyOf(prices);
        profiles = List.copyOf(profiles);
        overridden = Set.copyOf(overridden);
        userRows = Set.copyOf(userRows);
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** A catalog without configure-to-order options (the constructor before {@code options/*.csv} existed). */
    public Catalog(List<Hardware> hardware, List<PriceItem> prices, List<Workload> profiles, Set<String> overridden,
                   Set<String> userRows) {
        this(hardware, prices, profiles, overridden, userRows, List.of());
    }

    /** A catalog without rows of the user's own (shipped rows, tests). */
    public Catalog(List<Hardware> hardware, List<PriceItem> prices, List<Workload> profiles, Set<String> overridden) {
        this(hardware, prices, profiles, overridden, Set.of());
    }

    public static Catalog ofHardware(List<Hardware> hardware) {
        return new Catalog(hardware, List.of(), List.of(), Set.of());
    }

    public Optional<Hardware> hardware(String id) {
        for (Hardware h : hardware) {
            if (h.id().equals(id)) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    public List<Hardware> hardware(HardwareCategory category) {
        return hardware.stream().filter(h -> h.category() == category).toList();
    }

    public Optional<PriceItem> price(String id) {
        return prices.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** All prices whose id starts with {@code prefix}, lowest tier first (for tiered prices such as data transfer). */
    public List<PriceItem> pricesStartingWith(String prefix) {
        List<PriceItem> out = new ArrayList<>(prices.stream().filter(p -> p.id().startsWith(prefix)).toList());
        out.sort((a, b) -> Double.compare(a.tier(), b.tier()));
        return Collections.unmodifiableList(out);
    }

    /** The configure-to-order choices offered for a hardware row, in catalog order (empty when it has none). */
    public List<HardwareOption> options(String hardwareId) {
        return options.stream().filter(o -> o.hardware().equals(hardwareId)).toList();
    }

    /** The same catalog with other hardware rows (prices, profiles, options and markings kept). */
    public Catalog withHardwareRows(List<Hardware> rows) {
        return new Catalog(rows, prices, profiles, overridden, userRows, options);
    }

    public Optional<Workload> profile(String name) {
        return profiles.stream().filter(w -> w.name().equals(name)).findFirst();
    }

    public boolean isOverride(String id) {
        return overridden.contains(id);
    }

    /** True when the row (a profile: its name) comes from the user's own catalog folder. */
    public boolean isUserRow(String id) {
        return userRows.contains(id);
    }

    /** Oldest source date among the given hardware ids (for "prices from" in reports). */
    public Optional<LocalDate> oldestSourceDate(List<String> ids) {
        Map<String, Hardware> byId = new LinkedHashMap<>();
        hardware.forEach(h -> byId.put(h.id(), h));
        return ids.stream().map(byId::get).filter(h -> h != null && h.sourceDate() != null)
                .map(Hardware::sourceDate).min(LocalDate::compareTo);
    }
}
