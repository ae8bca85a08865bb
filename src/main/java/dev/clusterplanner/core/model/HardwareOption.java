package dev.clusterplanner.core.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One configure-to-order choice for a catalog hardware row (catalog {@code options/*.csv}): in one option group (memory,
 * data drives, NIC, GPU) what the configured host then has, and what the choice adds to the row's price. Every group
 * of a row also has the implicit choice "as shipped" (the row as it is, at no extra cost), so a row lists only the
 * alternatives.
 * <p>
 * Price: for a purchased row the parts it needs from the price catalog ({@code parts}: part id x quantity in the
 * part's unit, e.g. 3.84 TB of {@code part-drive-nvme-tb}); for a rented row the provider's add-on per month
 * ({@code monthlyUsd}, with this row's {@code source}). A choice with neither is unpriced: listed by {@code catalog
 * check}, never chosen.
 *
 * @param id        the choice's id, unique in the catalog; it becomes part of a configured row's id
 * @param hardware  the catalog hardware row (its id) the choice applies to
 * @param choice    what the buyer picks, in words ("4 x 3.84 TB NVMe")
 * @param memoryGib memory of the configured host (group memory), else null
 * @param dataDisks data drives of the configured host (group data-drives; with {@code dataDiskGb} and {@code dataDiskType})
 * @param nicPorts  NIC ports of the configured host (group nic; with {@code nicGbps})
 * @param gpuModel  GPU of the configured host (group gpu; with count, VRAM and watts per GPU)
 * @param parts     the parts the choice adds (purchased rows); empty when none
 * @param monthlyUsd the provider's monthly add-on (rented rows), else null
 * @param source    where the choice (and a monthly add-on's price) comes from: an https address and the date read, or
 *                  "estimate: ..." with its formula
 */
public record HardwareOption(String id, String hardware, Group group, String choice,
                             Double memoryGib,
                             Integer dataDisks, Double dataDiskGb, DiskType dataDiskType,
                             Integer nicPorts, Double nicGbps,
                             String gpuModel, Integer gpuCount, Double gpuVramGib, Double gpuWatts,
                             List<Part> parts, Double monthlyUsd,
                             String source, LocalDate sourceDate, boolean estimate, String notes) {

    /** The option groups: exactly one choice of each is taken (the implicit one: as shipped). */
    public enum Group {
        MEMORY("memory"), DATA_DRIVES("data-drives"), NIC("nic"), GPU("gpu");

        private final String id;

        Group(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The group for a catalog word, or null. */
        public static Group of(String text) {
            String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            for (Group g : values()) {
                if (g.id.equals(t)) {
                    return g;
                }
            }
            return null;
        }
    }

    /** A part of the price catalog, {@code quantity} in the part's own unit (pieces, or TB for a per-TB price). */
    public record Part(String id, double quantity) {
        public Part {
            Objects.requireNonNull(id, "id");
        }
    }

    public HardwareOption {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hardware, "hardware");
        Objects.requireNonNull(group, "group");
        parts = parts == null ? List.of() : List.copyOf(parts);
        source = source == null ? "" : source;
        notes = notes == null ? "" : notes;
    }

    /** True when the choice names a price: parts from the price catalog or a monthly add-on. */
    public boolean priced() {
        return !parts.isEmpty() || monthlyUsd != null;
    }
}
