package dev.clusterplanner.core.configure;

import dev.clusterplanner.core.model.DiskType;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareOption;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A configuration as a hardware row: the catalog row with what each choice sets (memory; data drives, their size and
 * type; NIC ports and speed; GPU model, count, VRAM and watts), its price or monthly rate plus the choices', its notes
 * naming every choice with its price and source, and an id that names the configuration. Its stock ({@code available})
 * is the row's: every configuration of a row draws on the row's stock.
 */
final class DerivedRow {

    private DerivedRow() {
    }

    /** {@code <row id>.<choice id>...} in group order (memory, data drives, NIC, GPU): valid wherever a catalog id is. */
    static String id(Hardware base, List<Configuration.Choice> choices) {
        StringBuilder id = new StringBuilder(base.id());
        for (Configuration.Choice c : choices) {
            id.append('.').append(c.option().id());
        }
        return id.toString();
    }

    static Hardware of(Hardware b, List<Configuration.Choice> choices) {
        double memory = b.memoryGib();
        int disks = b.dataDisks();
        double diskGb = b.dataDiskGb();
        DiskType diskType = b.dataDiskType();
        int ports = b.nicPorts();
        double gbps = b.nicGbps();
        String gpuModel = b.gpuModel();
        int gpus = b.gpuCount();
        double vram = b.gpuVramGib();
        double watts = b.gpuWatts();
        double added = 0;
        double addedMonthly = 0;
        boolean estimate = b.estimate();
        LocalDate date = b.sourceDate();
        List<String> notes = new ArrayList<>();
        for (Configuration.Choice c : choices) {
            HardwareOption o = c.option();
            switch (o.group()) {
                case MEMORY -> memory = o.memoryGib();
                case DATA_DRIVES -> {
                    disks = o.dataDisks();
                    diskGb = o.dataDisks() == 0 ? 0 : o.dataDiskGb();
                    diskType = o.dataDisks() == 0 ? diskType : o.dataDiskType();
                }
                case NIC -> {
                    ports = o.nicPorts();
                    gbps = o.nicGbps();
                }
                case GPU -> {
                    gpus = o.gpuCount();
                    gpuModel = gpus == 0 ? null : o.gpuModel();
                    vram = gpus == 0 ? 0 : o.gpuVramGib() == null ? 0 : o.gpuVramGib();
                    watts = gpus == 0 ? 0 : o.gpuWatts() == null ? 0 : o.gpuWatts();
                }
            }
            added += c.priceUsd() == null ? 0 : c.priceUsd();
            addedMonthly += c.monthlyUsd() == null ? 0 : c.monthlyUsd();
            estimate |= c.estimate();
            if (c.sourceDate() != null && (date == null || c.sourceDate().isBefore(date))) {
                date = c.sourceDate();
            }
            notes.add(o.group().id() + " " + c.label() + ": " + c.priceSource());
        }
        Double price = b.priceUsd() == null ? null : b.priceUsd() + added;
        Double monthly = b.monthlyUsd() == null ? null : b.monthlyUsd() + addedMonthly;
        String name = b.name() + ", configured: " + String.join(", ", choices.stream().map(c -> c.option().choice()).toList());
        String note = "configured to order from " + b.id() + " ("
                + (b.rented() ? "rent " + Configurations.money(b.monthlyUsd()) + " USD a month" : "price " + Configurations.money(b.priceUsd()) + " USD")
                + " + " + String.join(" + ", notes.stream().map(n -> n).toList()) + ")"
                + (b.notes().isBlank() ? "" : "; the row as shipped: " + b.notes());
        return new Hardware(id(b, choices), name, b.category(), b.vendor(), b.cpuModel(), b.sockets(), b.cores(), b.threads(),
                b.baseGhz(), b.cpuScore(), memory, price, monthly, b.hourlyUsd(), b.setupUsd(), b.osDiskGb(), disks, diskGb, diskType,
                ports, gbps, gpuModel, gpus, vram, watts, b.rackUnits(), b.powerIdleW(), b.powerMaxW(), b.region(), b.source(), date,
                estimate, note, b.billing(), b.cpuArch(), b.runsVms()).withAvailable(b.available());
    }
}
