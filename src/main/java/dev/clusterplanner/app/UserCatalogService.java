package dev.clusterplanner.app;

import dev.clusterplanner.adapters.catalog.CatalogLoader;
import dev.clusterplanner.adapters.catalog.HardwareCsv;
import dev.clusterplanner.adapters.catalog.HardwareCsvWriter;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.InputProblem;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.PriceItem;
import dev.clusterplanner.core.model.Workload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A user's own quotes in the user's catalog folder, for both front ends: {@link #importCsv} copies a checked
 * hardware, price or workload CSV there, {@link #addHardware} adds one machine (the desktop app's catalog form).
 *
 * <p>Nothing is written unless the whole user folder still loads afterwards with the loader's strict rules, and
 * a file is written whole or not at all (a temporary file in the same folder, then an atomic move). Duplicates are
 * refused: a file of the same name already in the folder, or an id of a shipped row (which the import would
 * override), unless {@code replace} is set; an id another of the user's files defines is always refused, naming
 * that file and line, because two definitions of one row cannot both be meant.
 */
public final class UserCatalogService {

    /** The file the desktop app's form writes machines to, under {@code hardware/}. */
    public static final String OWN_HARDWARE_FILE = "own.csv";

    /**
     * What an import or an addition did.
     *
     * @param file        the file written in the user's folder
     * @param kind        the sub-folder it went to: hardware, prices or workloads
     * @param rows        rows in the written file
     * @param overrides   ids of shipped rows the file now overrides
     * @param replaced    true when an existing file of the same name was replaced
     */
    public record Result(Path file, String kind, int rows, List<String> overrides, boolean replaced) {
        public Result {
            overrides = List.copyOf(overrides);
        }
    }

    private final CatalogService catalogs;

    public UserCatalogService(CatalogService catalogs) {
        this.catalogs = catalogs;
    }

    /**
     * Checks {@code csv} strictly and copies it, unchanged, into the user's folder under its kind's sub-folder
     * with its own file name.
     *
     * @throws InputRejectedException with every problem (of the file, or a duplicate), nothing written
     */
    public Result importCsv(Path csv, boolean replace) throws IOException, InputRejectedException {
        Path folder = userFolder();
        List<InputProblem> problems = new ArrayList<>();
        CatalogLoader.Source source = CatalogLoader.readFile(csv, problems);
        if (source == null) {
            throw new InputRejectedException(problems);
        }
        Path target = folder.resolve(source.kind().folder()).resolve(csv.getFileName().toString());
        if (!target.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            throw new InputRejectedException(List.of(new InputProblem(csv.toString(), 0, 0, "",
                    "the file name must end in .csv (the catalog folder loads only .csv files)")));
        }
        byte[] bytes = source.text().getBytes(StandardCharsets.UTF_8);
        return write(new CatalogLoader.Source(target.toString(), source.kind(), source.text()), bytes, target, replace, csv.toString());
    }

    /**
     * Adds one machine to {@code hardware/own.csv} in the user's folder (created when missing); with
     * {@code replace}, a machine of the same id in that file is replaced in place.
     */
    public Result addHardware(Hardware machine, boolean replace) throws IOException, InputRejectedException {
        Path target = userFolder().resolve(CatalogLoader.Kind.HARDWARE.folder()).resolve(OWN_HARDWARE_FILE);
        List<Hardware> rows = new ArrayList<>();
        if (Files.isRegularFile(target)) {
            List<InputProblem> problems = new ArrayList<>();
            String text = CatalogLoader.readUtf8(target, problems);
            if (text == null) {
                throw new InputRejectedException(problems);
            }
            rows.addAll(HardwareCsv.parse(text, target.toString(), catalogs.today()));
        }
        boolean found = false;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id().equals(machine.id())) {
                if (!replace) {
                    throw new InputRejectedException(List.of(new InputProblem(target.toString(), 0, 0, "id",
                            "'" + machine.id() + "' is already in your catalog; replace it or choose another id")));
                }
                rows.set(i, machine);
                found = true;
            }
        }
        if (!found) {
            rows.add(machine);
        }
        String text = HardwareCsvWriter.write(rows);
        return write(new CatalogLoader.Source(target.toString(), CatalogLoader.Kind.HARDWARE, text),
                text.getBytes(StandardCharsets.UTF_8), target, true, target.toString());
    }

    private Result write(CatalogLoader.Source incoming, byte[] bytes, Path target, boolean replace, String shownAs)
            throws IOException, InputRejectedException {
        boolean exists = Files.exists(target);
        if (exists && !replace) {
            throw new InputRejectedException(List.of(new InputProblem(shownAs, 0, 0, "",
                    "your catalog folder already has " + target + "; use --replace to replace it")));
        }
        Catalog shipped = catalogs.loadShipped();
        Map<String, PriceItem> rates = CatalogLoader.rates(shipped.prices());
        java.util.Set<String> shippedHardware = new java.util.HashSet<>();
        shipped.hardware().forEach(h -> shippedHardware.add(h.id()));
        java.util.Set<String> shippedParts = new java.util.HashSet<>();
        shipped.prices().forEach(p -> shippedParts.add(p.id()));
        // an option file may name the shipped hardware rows and parts
        CatalogLoader.Layer alone = CatalogLoader.read(List.of(incoming), catalogs.today(), rates, shippedHardware, shippedParts);
        if (!alone.problems().isEmpty()) {
            throw new InputRejectedException(renamed(alone.problems(), incoming.name(), shownAs));
        }
        int rows = alone.hardware().size() + alone.prices().size() + alone.profiles().size() + alone.options().size();
        if (rows == 0) {
            throw new InputRejectedException(List.of(new InputProblem(shownAs, 0, 0, "", "the file has no rows")));
        }
        // the user's other files with the new one: an id defined twice is named with its file and line
        List<InputProblem> problems = new ArrayList<>();
        List<CatalogLoader.Source> sources = new ArrayList<>();
        Path folder = userFolder();
        if (Files.isDirectory(folder)) {
            for (CatalogLoader.Source s : CatalogLoader.readFolder(folder, problems)) {
                if (!Path.of(s.name()).toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) {
                    sources.add(s);
                }
            }
        }
        sources.add(incoming);
        CatalogLoader.Layer all = CatalogLoader.read(sources, catalogs.today(), rates, shippedHardware, shippedParts);
        problems.addAll(all.problems());
        if (!problems.isEmpty()) {
            throw new InputRejectedException(renamed(problems, incoming.name(), shownAs));
        }
        Map<String, String> shippedIds = new LinkedHashMap<>();
        shipped.hardware().forEach(h -> shippedIds.put(h.id(), "hardware"));
        shipped.prices().forEach(p -> shippedIds.put(p.id(), "price"));
        shipped.profiles().forEach(w -> shippedIds.put(w.name(), "workload profile"));
        shipped.options().forEach(o -> shippedIds.put(o.id(), "configure-to-order choice"));
        List<String> overrides = ids(alone).stream().filter(shippedIds::containsKey).toList();
        if (!overrides.isEmpty() && !replace) {
            throw new InputRejectedException(overrides.stream().map(id -> new InputProblem(shownAs, 0, 0, "id",
                    "'" + id + "' is a shipped " + shippedIds.get(id) + "; importing it would override the shipped row: "
                            + "use --replace to do so, or give your row another id")).toList());
        }
        writeAtomically(target, bytes);
        return new Result(target, incoming.kind().folder(), rows, overrides, exists);
    }

    private static List<String> ids(CatalogLoader.Layer layer) {
        List<String> out = new ArrayList<>();
        layer.hardware().stream().map(Hardware::id).forEach(out::add);
        layer.prices().stream().map(PriceItem::id).forEach(out::add);
        layer.profiles().stream().map(Workload::name).forEach(out::add);
        layer.options().forEach(o -> out.add(o.id()));
        return out;
    }

    /** Problems of the file under its target name are shown under the name the user gave. */
    private static List<InputProblem> renamed(List<InputProblem> problems, String internal, String shownAs) {
        return problems.stream().map(p -> p.file().equals(internal)
                ? new InputProblem(shownAs, p.line(), p.column(), p.field(), p.message()) : p).collect(Collectors.toList());
    }

    /** Writes {@code bytes} to a temporary file next to {@code target}, then moves it over {@code target}. */
    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private Path userFolder() throws InputRejectedException {
        return catalogs.userFolder().orElseThrow(() -> new InputRejectedException(List.of(new InputProblem("", 0, 0, "",
                "no catalog folder of your own is set: set " + CatalogService.ENV_FOLDER + " or HOME"))));
    }

    /** Ids in the user's folder now (for tests and the form's duplicate hint). */
    public Set<String> userIds() throws IOException {
        return catalogs.loadReport().catalog().userRows();
    }
}
