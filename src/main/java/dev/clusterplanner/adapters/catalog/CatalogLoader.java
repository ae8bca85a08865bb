package dev.clusterplanner.adapters.catalog;

import dev.clusterplanner.adapters.files.InputFiles;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareOption;
import dev.clusterplanner.core.model.InputProblem;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.Limits;
import dev.clusterplanner.core.model.PriceItem;
import dev.clusterplanner.core.model.Workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a catalog folder (one "layer": {@code hardware/*.csv}, {@code prices/*.csv},
 * {@code workloads/*.csv}) and lays a user's layer over the shipped one. A file with any problem
 * contributes nothing; its problems are reported and the other files still load.
 */
public final class CatalogLoader {

    /** What a catalog file holds; decided by its folder. */
    public enum Kind {
        HARDWARE("hardware"), PRICES("prices"), WORKLOADS("workloads"), OPTIONS("options");

        private final String folder;

        Kind(String folder) {
            this.folder = folder;
        }

        public String folder() {
            return folder;
        }

        /** The kind for a folder name, or null. */
        public static Kind ofFolder(String name) {
            for (Kind k : values()) {
                if (k.folder.equals(name)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** One file's text; {@code name} is how messages name it. */
    public record Source(String name, Kind kind, String text) {
    }

    /** What one layer holds, in file order, and the problems of the files it rejected. */
    public record Layer(List<Hardware> hardware, List<PriceItem> prices, List<Workload> profiles,
                        List<InputProblem> problems, int files, List<HardwareOption> options) {
        public static final Layer EMPTY = new Layer(List.of(), List.of(), List.of(), List.of(), 0);

        public Layer {
            hardware = List.copyOf(hardware);
            prices = List.copyOf(prices);
            profiles = List.copyOf(profiles);
            problems = List.copyOf(problems);
            options = options == null ? List.of() : List.copyOf(options);
        }

        public Layer(List<Hardware> hardware, List<PriceItem> prices, List<Workload> profiles, List<InputProblem> problems, int files) {
            this(hardware, prices, profiles, problems, files, List.of());
        }
    }

    private CatalogLoader() {
    }

    public static Layer read(List<Source> sources, LocalDate today) {
        return read(sources, today, Map.of());
    }

    /**
     * Reads one layer; price files first, so that hardware billed in EUR or GBP is converted with the newest
     * exchange rate among this layer's prices and {@code baseRates} (the shipped layer's, for a user's layer).
     */
    public static Layer read(List<Source> sources, LocalDate today, Map<String, PriceItem> baseRates) {
        return read(sources, today, baseRates, Set.of(), Set.of());
    }

    /**
     * Reads one layer over a base: an option file may name hardware rows ({@code baseHardware}) and parts
     * ({@code baseParts}) of the base layer (the shipped catalogs, for a user's folder). Option files are read last, so
     * that they can name the hardware rows and parts of any file of the layer.
     */
    public static Layer read(List<Source> sources, LocalDate today, Map<String, PriceItem> baseRates, Set<String> baseHardware,
                             Set<String> baseParts) {
        List<Source> ordered = new ArrayList<>(sources.stream().filter(s -> s.kind() == Kind.PRICES).toList());
        sources.stream().filter(s -> s.kind() != Kind.PRICES && s.kind() != Kind.OPTIONS).forEach(ordered::add);
        sources.stream().filter(s -> s.kind() == Kind.OPTIONS).forEach(ordered::add);
        sources = ordered;
        List<Hardware> hardware = new ArrayList<>();
        List<PriceItem> prices = new ArrayList<>();
        List<Workload> profiles = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        Map<String, String> hardwareIds = new HashMap<>();
        Map<String, String> priceIds = new HashMap<>();
        Map<String, String> profileNames = new HashMap<>();
        List<HardwareOption> options = new ArrayList<>();
        Map<String, String> optionIds = new HashMap<>();
        for (Source s : ordered) {
            switch (s.kind()) {
                case HARDWARE -> {
                    Map<String, PriceItem> rates = BilledCurrency.rates(prices, baseRates);
                    for (Lined<Hardware> h : HardwareCsv.parse(s.text(), s.name(), today, problems, hardwareIds, rates)) {
                        hardware.add(h.value());
                        hardwareIds.put(h.value().id(), s.name() + " line " + h.line());
                    }
                }
                case PRICES -> {
                    for (Lined<PriceItem> p : PriceCsv.parse(s.text(), s.name(), today, problems, priceIds)) {
                        prices.add(p.value());
                        priceIds.put(p.value().id(), s.name() + " line " + p.line());
                    }
                }
                case OPTIONS -> {
                    Set<String> hw = new HashSet<>(baseHardware);
                    hardware.forEach(h -> hw.add(h.id()));
                    Set<String> parts = new HashSet<>(baseParts);
                    prices.forEach(p -> parts.add(p.id()));
                    for (Lined<HardwareOption> o : OptionCsv.parse(s.text(), s.name(), today, problems, optionIds, hw, parts)) {
                        options.add(o.value());
                        optionIds.put(o.value().id(), s.name() + " line " + o.line());
                    }
                }
                case WORKLOADS -> {
                    List<WorkloadCsv.Row> rows = WorkloadCsv.parse(s.text(), s.name(), problems);
                    List<InputProblem> clashes = new ArrayList<>();
                    for (WorkloadCsv.Row r : rows) {
                        String where = profileNames.get(r.workload().name());
                        if (where != null) {
                            clashes.add(new InputProblem(s.name(), r.line(), 1, "name", "profile '" + r.workload().name()
                                    + "' is already defined in " + where));
                        }
                    }
                    if (clashes.isEmpty()) {
                        for (WorkloadCsv.Row r : rows) {
                            profiles.add(r.workload());
                            profileNames.put(r.workload().name(), s.name() + " line " + r.line());
                        }
                    } else {
                        problems.addAll(clashes);
                    }
                }
            }
        }
        return new Layer(hardware, prices, profiles, problems, sources.size(), options);
    }

    /** The exchange rates a layer holds, by currency ("EUR" -> its newest usd_per_eur row). */
    public static Map<String, PriceItem> rates(Layer layer) {
        return rates(layer.prices());
    }

    /** The exchange rates among {@code prices}, by currency (the newest per currency). */
    public static Map<String, PriceItem> rates(List<PriceItem> prices) {
        return BilledCurrency.rates(prices, Map.of());
    }

    /**
     * The shipped layer with the user's over it: a user row whose id (a profile: its name) is also
     * shipped replaces the shipped row in place and is listed in {@link Catalog#overridden()}; new rows follow.
     */
    public static Catalog overlay(Layer shipped, Layer user) {
        Set<String> overridden = new LinkedHashSet<>();
        Set<String> userRows = new LinkedHashSet<>();
        user.hardware().forEach(h -> userRows.add(h.id()));
        user.prices().forEach(p -> userRows.add(p.id()));
        user.profiles().forEach(w -> userRows.add(w.name()));
        Map<String, Hardware> hardware = new LinkedHashMap<>();
        shipped.hardware().forEach(h -> hardware.put(h.id(), h));
        for (Hardware h : user.hardware()) {
            if (hardware.put(h.id(), h) != null) {
                overridden.add(h.id());
            }
        }
        Map<String, PriceItem> prices = new LinkedHashMap<>();
        shipped.prices().forEach(p -> prices.put(p.id(), p));
        for (PriceItem p : user.prices()) {
            if (prices.put(p.id(), p) != null) {
                overridden.add(p.id());
            }
        }
        Map<String, Workload> profiles = new LinkedHashMap<>();
        shipped.profiles().forEach(w -> profiles.put(w.name(), w));
        for (Workload w : user.profiles()) {
            if (profiles.put(w.name(), w) != null) {
                overridden.add(w.name());
            }
        }
        Map<String, HardwareOption> options = new LinkedHashMap<>();
        shipped.options().forEach(o -> options.put(o.id(), o));
        for (HardwareOption o : user.options()) {
            userRows.add(o.id());
            if (options.put(o.id(), o) != null) {
                overridden.add(o.id());
            }
        }
        return new Catalog(new ArrayList<>(hardware.values()), new ArrayList<>(prices.values()),
                new ArrayList<>(profiles.values()), overridden, userRows, new ArrayList<>(options.values()));
    }

    /**
     * The CSV files of a catalog folder: {@code hardware/}, {@code prices/} and {@code workloads/}
     * (sorted by name). A CSV file directly in {@code dir} is classified by its header; one that fits
     * no kind is reported. Text must be UTF-8.
     */
    public static List<Source> readFolder(Path dir, List<InputProblem> problems) throws IOException {
        List<Source> out = new ArrayList<>();
        for (Kind k : Kind.values()) {
            Path sub = dir.resolve(k.folder());
            if (Files.isDirectory(sub)) {
                for (Path f : csvFiles(sub)) {
                    String text = readUtf8(f, problems);
                    if (text != null) {
                        out.add(new Source(f.toString(), k, text));
                    }
                }
            }
        }
        for (Path f : csvFiles(dir)) {
            String text = readUtf8(f, problems);
            if (text == null) {
                continue;
            }
            Kind k = sniff(text);
            if (k == null) {
                problems.add(new InputProblem(f.toString(), 1, 0, "", "cannot tell what this file holds: a hardware file has a "
                        + "'cores' column, a price file a 'unit' column, a workload file a 'vcpu' column, an option file a "
                        + "'choice' column; or put it in a hardware/, prices/, workloads/ or options/ folder"));
            } else {
                out.add(new Source(f.toString(), k, text));
            }
        }
        return out;
    }

    /** Reads one file of a known kind (a single CSV given on the command line). */
    public static Source readFile(Path file, List<InputProblem> problems) throws IOException {
        String text = readUtf8(file, problems);
        if (text == null) {
            return null;
        }
        Path parent = file.toAbsolutePath().getParent();
        Kind k = parent == null ? null : Kind.ofFolder(parent.getFileName().toString());
        if (k == null) {
            k = sniff(text);
        }
        if (k == null) {
            problems.add(new InputProblem(file.toString(), 1, 0, "", "cannot tell what this file holds: a hardware file has a "
                    + "'cores' column, a price file a 'unit' column, a workload file a 'vcpu' column"));
            return null;
        }
        return new Source(file.toString(), k, text);
    }

    /** The kind a file's header suggests, or null. */
    static Kind sniff(String text) {
        int end = text.indexOf('\n');
        String header = (end < 0 ? text : text.substring(0, end)).toLowerCase(Locale.ROOT);
        List<String> cols = List.of(header.replace("\uFEFF", "").replace("\r", "").split("[,;]"));
        List<String> trimmed = cols.stream().map(String::strip).toList();
        if (trimmed.contains("cores")) {
            return Kind.HARDWARE;
        }
        if (trimmed.contains("unit")) {
            return Kind.PRICES;
        }
        if (trimmed.contains("vcpu")) {
            return Kind.WORKLOADS;
        }
        if (trimmed.contains("choice")) {
            return Kind.OPTIONS;
        }
        return null;
    }

    private static List<Path> csvFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .sorted().toList();
        }
    }

    /** The file's text, or null (and a problem) when it is not UTF-8. */
    public static String readUtf8(Path f, List<InputProblem> problems) throws IOException {
        try {
            return decode(InputFiles.read(f, Limits.MAX_CSV_FILE_BYTES, "CSV file"), f.toString(), problems);
        } catch (InputRejectedException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    /** Strict UTF-8; the first bad byte is reported with its line and column. */
    public static String decode(byte[] bytes, String name, List<InputProblem> problems) {
        try {
            return InputFiles.utf8(bytes, name);
        } catch (InputRejectedException e) {
            for (InputProblem p : e.problems()) {
                problems.add(new InputProblem(p.file(), p.line(), p.column(), p.field(), p.message().replace("save it as UTF-8", "save it as \"CSV UTF-8\"")));
            }
            return null;
        }
    }
}
