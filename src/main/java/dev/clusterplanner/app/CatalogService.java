package dev.clusterplanner.app;

import dev.clusterplanner.adapters.catalog.CatalogLoader;
import dev.clusterplanner.adapters.catalog.HardwareCsv;
import dev.clusterplanner.adapters.catalog.WorkloadCsv;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.InputProblem;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.Workload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loading the catalogs (shipped ones inside the jar, a user's own folder layered over them) and
 * spreadsheet imports, for both front ends.
 *
 * <p>The shipped catalogs are the resources {@code /catalogs/<kind>/<file>.csv}, listed in
 * {@code /catalogs/index.txt} (a jar folder cannot be listed). The user's folder is
 * {@code $CLUSTER_PLANNER_CATALOGS}, else {@code $XDG_CONFIG_HOME/cluster-planner/catalogs}, else
 * {@code ~/.config/cluster-planner/catalogs}, with the same {@code hardware/}, {@code prices/},
 * {@code workloads/} sub-folders. "Today" (for dates in the future) comes from an injectable clock.
 */
public class CatalogService {

    public static final String ENV_FOLDER = "CLUSTER_PLANNER_CATALOGS";
    static final String INDEX = "/catalogs/index.txt";

    /**
     * What loading found: the catalog built from every file that loaded, and the problems of the
     * files that were rejected (each rejected file contributes nothing).
     *
     * @param userFolder the user's catalog folder that was layered over the shipped one, or null if none exists
     */
    public record Report(Catalog catalog, List<InputProblem> problems, int files, Path userFolder) {
        public Report {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final Path userFolder;
    private final Clock clock;

    /** The user's folder from the environment, today's date from the system clock. */
    public CatalogService() {
        this(defaultUserFolder(System.getenv(), System.getProperty("user.home")), Clock.systemDefaultZone());
    }

    /** @param userFolder the user's catalog folder (may be null or not exist: then only the shipped catalogs load) */
    public CatalogService(Path userFolder, Clock clock) {
        this.userFolder = userFolder;
        this.clock = clock;
    }

    /** Where a user's own catalogs live: the environment variable, else the XDG config folder, else ~/.config. */
    public static Path defaultUserFolder(Map<String, String> env, String home) {
        String explicit = env.get(ENV_FOLDER);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home == null ? "." : home, ".config");
        return config.resolve("cluster-planner").resolve("catalogs");
    }

    /** The user's catalog folder this service layers over the shipped catalogs (it may not exist). */
    public Optional<Path> userFolder() {
        return Optional.ofNullable(userFolder);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The shipped catalogs with the user's folder layered over them. Strict: if any file is rejected,
     * this throws with every problem (use {@link #loadReport()} to go on with the files that loaded).
     */
    public Catalog load() throws IOException, InputRejectedException {
        Report r = loadReport();
        if (!r.ok()) {
            throw new InputRejectedException(r.problems());
        }
        return r.catalog();
    }

    /** The shipped catalogs with the user's folder over them; rejected files are left out and reported. */
    public Report loadReport() throws IOException {
        List<InputProblem> problems = new ArrayList<>();
        List<CatalogLoader.Source> shippedSources = shippedSources();
        CatalogLoader.Layer shipped = CatalogLoader.read(shippedSources, today());
        problems.addAll(shipped.problems());
        CatalogLoader.Layer user = CatalogLoader.Layer.EMPTY;
        Path used = null;
        if (userFolder != null && Files.isDirectory(userFolder)) {
            used = userFolder;
            List<CatalogLoader.Source> sources = CatalogLoader.readFolder(userFolder, problems);
            user = CatalogLoader.read(sources, today(), CatalogLoader.rates(shipped), hardwareIds(shipped), priceIds(shipped));
            problems.addAll(user.problems());
        }
        return new Report(CatalogLoader.overlay(shipped, user), problems, shipped.files() + user.files(), used);
    }

    static java.util.Set<String> hardwareIds(CatalogLoader.Layer layer) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        layer.hardware().forEach(h -> ids.add(h.id()));
        return ids;
    }

    static java.util.Set<String> priceIds(CatalogLoader.Layer layer) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        layer.prices().forEach(p -> ids.add(p.id()));
        return ids;
    }

    /** The catalogs shipped in the jar alone. */
    public Catalog loadShipped() throws IOException, InputRejectedException {
        CatalogLoader.Layer shipped = CatalogLoader.read(shippedSources(), today());
        if (!shipped.problems().isEmpty()) {
            throw new InputRejectedException(shipped.problems());
        }
        return CatalogLoader.overlay(shipped, CatalogLoader.Layer.EMPTY);
    }

    /**
     * Checks a catalog folder (with hardware/, prices/, workloads/ sub-folders, or CSV files directly in
     * it) or a single CSV file, on its own: what it holds and every problem.
     */
    public Report check(Path folderOrFile) throws IOException {
        List<InputProblem> problems = new ArrayList<>();
        List<CatalogLoader.Source> sources = new ArrayList<>();
        if (Files.isDirectory(folderOrFile)) {
            sources.addAll(CatalogLoader.readFolder(folderOrFile, problems));
        } else if (Files.isRegularFile(folderOrFile)) {
            CatalogLoader.Source s = CatalogLoader.readFile(folderOrFile, problems);
            if (s != null) {
                sources.add(s);
            }
        } else if (Files.exists(folderOrFile)) {
            problems.add(new InputProblem(folderOrFile.toString(), 0, 0, "", "is not a regular file (a device, named pipe or socket); give a catalog folder or a CSV file"));
        } else {
            throw new java.nio.file.NoSuchFileException(folderOrFile.toString());
        }
        if (sources.isEmpty() && problems.isEmpty()) {
            problems.add(new InputProblem(folderOrFile.toString(), 0, 0, "", "holds no catalog files: expected *.csv files in it or in its "
                    + "hardware/, prices/ or workloads/ folders"));
        }
        // an option file may name the shipped hardware rows and parts (a user's folder is layered over them)
        CatalogLoader.Layer shipped = CatalogLoader.read(shippedSources(), today());
        CatalogLoader.Layer layer = CatalogLoader.read(sources, today(), CatalogLoader.rates(shipped), hardwareIds(shipped), priceIds(shipped));
        problems.addAll(layer.problems());
        return new Report(CatalogLoader.overlay(layer, CatalogLoader.Layer.EMPTY), problems, sources.size(), null);
    }

    /** Reads a hardware CSV (catalog format) strictly: all rows or none. */
    public List<Hardware> readHardware(Path csv) throws IOException, InputRejectedException {
        return HardwareCsv.parse(readText(csv), csv.toString(), today());
    }

    /** Reads a workloads CSV (profile format) strictly: all rows or none. A {@code site} column is ignored here. */
    public List<Workload> readWorkloads(Path csv) throws IOException, InputRejectedException {
        return WorkloadCsv.parse(readText(csv), csv.toString()).stream().map(WorkloadCsv.Row::workload).toList();
    }

    /**
     * Reads a workloads CSV strictly and groups the rows by their {@code site} column, in file order;
     * rows without a site are under "".
     */
    public Map<String, List<Workload>> readWorkloadsBySite(Path csv) throws IOException, InputRejectedException {
        Map<String, List<Workload>> out = new LinkedHashMap<>();
        for (WorkloadCsv.Row r : WorkloadCsv.parse(readText(csv), csv.toString())) {
            out.computeIfAbsent(r.site(), k -> new ArrayList<>()).add(r.workload());
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }

    /** The shipped catalog files, as listed in the index inside the jar (paths relative to /catalogs). */
    public static List<String> shippedFiles() throws IOException {
        String index = resource(INDEX);
        if (index == null) {
            throw new IOException("the shipped catalog index " + INDEX + " is missing from the build");
        }
        return index.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static List<CatalogLoader.Source> shippedSources() throws IOException {
        List<CatalogLoader.Source> out = new ArrayList<>();
        for (String f : shippedFiles()) {
            int slash = f.indexOf('/');
            CatalogLoader.Kind kind = slash < 0 ? null : CatalogLoader.Kind.ofFolder(f.substring(0, slash));
            if (kind == null) {
                throw new IOException(INDEX + ": '" + f + "' is not under hardware/, prices/ or workloads/");
            }
            String text = resource("/catalogs/" + f);
            if (text == null) {
                throw new IOException("shipped catalog /catalogs/" + f + " is listed in the index but missing from the build");
            }
            out.add(new CatalogLoader.Source("catalogs/" + f, kind, text));
        }
        return out;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CatalogService.class.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String readText(Path csv) throws IOException, InputRejectedException {
        List<InputProblem> problems = new ArrayList<>();
        String text = CatalogLoader.readUtf8(csv, problems);
        if (text == null) {
            throw new InputRejectedException(problems);
        }
        return text;
    }
}
