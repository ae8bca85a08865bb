package dev.clusterplanner.adapters.catalog;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import dev.clusterplanner.core.model.Hardware;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Hardware rows as a catalog CSV file that {@link HardwareCsv} reads back to the same rows (RFC 4180 quoting,
 * LF line ends, every column of the format, blanks for missing figures so they stay missing).
 */
public final class HardwareCsvWriter {

    static final List<String> COLUMNS = List.of("id", "name", "category", "vendor", "cpu_model", "sockets", "cores",
            "threads", "base_ghz", "cpu_score", "memory_gib", "price_usd", "monthly_usd", "hourly_usd", "setup_usd",
            "os_disk_gb", "data_disks", "data_disk_gb", "data_disk_type", "nic_ports", "nic_gbps", "gpu_model",
            "gpu_count", "gpu_vram_gib", "gpu_watts", "rack_units", "power_idle_w", "power_max_w", "region", "source",
            "source_date", "estimate", "notes", "billing_unit", "billing_minimum", "cpu_arch", "runs_vms", "available");

    private HardwareCsvWriter() {
    }

    public static String write(List<Hardware> rows) {
        StringWriter out = new StringWriter();
        try (ICSVWriter w = new CSVWriter(out, ',', '"', '"', "\n")) {
            w.writeNext(COLUMNS.toArray(String[]::new), false);
            for (Hardware h : rows) {
                w.writeNext(fields(h).toArray(String[]::new), false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static List<String> fields(Hardware h) {
        List<String> f = new ArrayList<>();
        f.add(h.id());
        f.add(text(h.name()));
        f.add(h.category().id());
        f.add(text(h.vendor()));
        f.add(text(h.cpuModel()));
        f.add(Integer.toString(h.sockets()));
        f.add(Integer.toString(h.cores()));
        f.add(Integer.toString(h.threads()));
        f.add(h.baseGhz() > 0 ? num(h.baseGhz()) : "");
        f.add(num(h.cpuScore()));
        f.add(num(h.memoryGib()));
        f.add(num(h.priceUsd()));
        f.add(num(h.monthlyUsd()));
        f.add(num(h.hourlyUsd()));
        f.add(num(h.setupUsd()));
        f.add(Integer.toString(h.osDiskGb()));
        f.add(Integer.toString(h.dataDisks()));
        f.add(h.dataDisks() > 0 ? num(h.dataDiskGb()) : "");
        f.add(h.dataDisks() > 0 && h.dataDiskType() != null ? h.dataDiskType().id() : "");
        f.add(Integer.toString(h.nicPorts()));
        f.add(num(h.nicGbps()));
        f.add(text(h.gpuModel()));
        f.add(Integer.toString(h.gpuCount()));
        f.add(h.gpuCount() > 0 ? num(h.gpuVramGib()) : "");
        f.add(h.gpuWatts() > 0 ? num(h.gpuWatts()) : "");
        f.add(Integer.toString(h.rackUnits()));
        f.add(num(h.powerIdleW()));
        f.add(num(h.powerMaxW()));
        f.add(text(h.region()));
        f.add(text(h.source()));
        f.add(h.sourceDate() == null ? "" : h.sourceDate().toString());
        f.add(Boolean.toString(h.estimate()));
        f.add(text(h.notes()));
        boolean rented = h.monthlyUsd() != null || h.hourlyUsd() != null;
        f.add(rented ? h.billing().unit().id() : "");
        f.add(rented && h.billing().minimum() > 0 ? num(h.billing().minimum()) : "");
        f.add(h.cpuArch().id());
        f.add(Boolean.toString(h.runsVms()));
        f.add(h.available() == null ? "" : Integer.toString(h.available()));
        return f;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    static String num(Double d) {
        if (d == null) {
            return "";
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
