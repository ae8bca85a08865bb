package dev.clusterplanner.core.configure;

import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.DiskType;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.core.model.HardwareOption;
import dev.clusterplanner.core.model.HardwareOption.Group;
import dev.clusterplanner.core.model.PriceItem;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Rows and options for the configure-to-order tests. */
final class Rows {

    static final LocalDate READ = LocalDate.of(2026, 12, 1);

    private Rows() {
    }

    /** A rented server: 64 threads, 256 GiB, one data drive of {@code dataGb}, {@code monthly} USD a month. */
    static Hardware rented(String id, double dataGb, double monthly) {
        return new Hardware(id, id, HardwareCategory.BAREMETAL_CLOUD, "test", "cpu", 1, 32, 64, 3.0, 1.0, 256,
                null, monthly, null, 0, 500, 1, dataGb, DiskType.NVME, 1, 25, null, 0, 0,
                0, 1, null, null, "eu", "https://example.org/server (read 2026-12-01)", READ, false, "");
    }

    /** A bought server: 32 threads, 128 GiB, two 1,000 GB data drives, 2 x 10 GbE, {@code price} USD. */
    static Hardware bought(String id, double price) {
        return new Hardware(id, id, HardwareCategory.RACK, "test", "cpu", 1, 16, 32, 3.0, 1.0, 128,
                price, null, null, 0, 500, 2, 1000, DiskType.NVME, 2, 10, null, 0, 0,
                0, 1, 100.0, 300.0, "us", "https://example.org/rack (read 2026-12-01)", READ, false, "");
    }

    static HardwareOption drives(String id, String hardware, int disks, double gb, Double monthly, List<HardwareOption.Part> parts) {
        return new HardwareOption(id, hardware, Group.DATA_DRIVES, disks + " x " + gb + " GB", null, disks, gb, DiskType.NVME,
                null, null, null, null, null, null, parts, monthly, "https://example.org/options (read 2026-12-01)", READ, false, "");
    }

    static HardwareOption memory(String id, String hardware, double gib, List<HardwareOption.Part> parts) {
        return new HardwareOption(id, hardware, Group.MEMORY, gib + " GiB", gib, null, null, null,
                null, null, null, null, null, null, parts, null, "https://example.org/options (read 2026-12-01)", READ, false, "");
    }

    static HardwareOption gpu(String id, String hardware, List<HardwareOption.Part> parts) {
        return new HardwareOption(id, hardware, Group.GPU, "1 x L4", null, null, null, null,
                null, null, "L4", 1, 24.0, 72.0, parts, null, "https://example.org/options (read 2026-12-01)", READ, false, "");
    }

    static PriceItem part(String id, String unit, double value, boolean estimate) {
        return new PriceItem(id, "part", id, unit, value, 0, null, (estimate ? "estimate: " : "") + "https://example.org/" + id,
                READ, estimate, "");
    }

    static Catalog catalog(List<Hardware> rows, List<PriceItem> prices, List<HardwareOption> options) {
        return new Catalog(rows, prices, List.of(), Set.of(), Set.of(), options);
    }
}
