package dev.clusterplanner.app;

import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.Workload;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Loading the catalogs (shipped ones inside the jar, a user's own folder layered over them) and
 * spreadsheet imports, for both front ends. The catalogs issue fills this in; until then it
 * serves an empty catalog.
 */
public class CatalogService {

    /** The shipped catalogs with the user's folder layered over them. */
    public Catalog load() throws IOException, InputRejectedException {
        return Catalog.EMPTY;
    }

    /** Reads a hardware CSV (catalog format) strictly: all rows or none. */
    public List<Hardware> readHardware(Path csv) throws IOException, InputRejectedException {
        throw new UnsupportedOperationException("hardware CSV import arrives with the catalogs issue");
    }

    /** Reads a workloads CSV (profile format) strictly: all rows or none. */
    public List<Workload> readWorkloads(Path csv) throws IOException, InputRejectedException {
        throw new UnsupportedOperationException("workload CSV import arrives with the catalogs issue");
    }
}
