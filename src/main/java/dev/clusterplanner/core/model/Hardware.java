package dev.clusterplanner.core.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One hardware candidate from a catalog: a machine to buy, rent or run on a cloud.
 * Money is in USD. A price or power figure that the catalog does not know is {@code null}
 * (never zero), so that it stays missing and visible.
 *
 * @param notes    free text from the catalog's optional {@code notes} column ("" when none): which figures
 *                 are estimates and what a configuration assumes
 * @param cpuScore relative per-thread performance (1.0 = the reference thread); demand in
 *                 reference threads needs {@code vcpu / cpuScore} threads of this host
 * @param billing  how a rented row is billed (catalog {@code billing_unit}, {@code billing_minimum}); default
 *                 {@link Billing#defaultFor}
 * @param cpuArch  the CPU architecture (catalog {@code cpu_arch}); default x86_64
 * @param runsVms  whether Incus can run virtual machines on the host, i.e. it exposes hardware virtualisation
 *                 (catalog {@code runs_vms}); default true, except a cloud type (nested virtualisation is not assumed)
 * @param available how many of this row can be had (catalog {@code available}: a vendor's stock, a provider's
 *                  servers left); null = unlimited. A site may override it ({@link Site#stockOf})
 */
public record Hardware(
        String id,
        String name,
        HardwareCategory category,
        String vendor,
        String cpuModel,
        int sockets,
        int cores,
        int threads,
        double baseGhz,
        double cpuScore,
        double memoryGib,
        Double priceUsd,
        Double monthlyUsd,
        Double hourlyUsd,
        double setupUsd,
        int osDiskGb,
        int dataDisks,
        double dataDiskGb,
        DiskType dataDiskType,
        int nicPorts,
        double nicGbps,
        String gpuModel,
        int gpuCount,
        double gpuVramGib,
        double gpuWatts,
        int rackUnits,
        Double powerIdleW,
        Double powerMaxW,
        String region,
        String source,
        LocalDate sourceDate,
        boolean estimate,
        String notes,
        Billing billing,
        CpuArch cpuArch,
        boolean runsVms,
        Integer available) {

    public Hardware {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        notes = notes == null ? "" : notes;
        billing = billing == null ? Billing.defaultFor(monthlyUsd, hourlyUsd) : billing;
        cpuArch = cpuArch == null ? CpuArch.X86_64 : cpuArch;
    }

    /** The row without a stock limit (the constructor before the {@code available} column was added). */
    public Hardware(String id, String name, HardwareCategory category, String vendor, String cpuModel,
                    int sockets, int cores, int threads, double baseGhz, double cpuScore, double memoryGib,
                    Double priceUsd, Double monthlyUsd, Double hourlyUsd, double setupUsd, int osDiskGb,
                    int dataDisks, double dataDiskGb, DiskType dataDiskType, int nicPorts, double nicGbps,
                    String gpuModel, int gpuCount, double gpuVramGib, double gpuWatts, int rackUnits,
                    Double powerIdleW, Double powerMaxW, String region, String source, LocalDate sourceDate,
                    boolean estimate, String notes, Billing billing, CpuArch cpuArch, boolean runsVms) {
        this(id, name, category, vendor, cpuModel, sockets, cores, threads, baseGhz, cpuScore, memoryGib,
                priceUsd, monthlyUsd, hourlyUsd, setupUsd, osDiskGb, dataDisks, dataDiskGb, dataDiskType,
                nicPorts, nicGbps, gpuModel, gpuCount, gpuVramGib, gpuWatts, rackUnits, powerIdleW, powerMaxW,
                region, source, sourceDate, estimate, notes, billing, cpuArch, runsVms, null);
    }

    /** The row with the default billing, architecture and VM support (the constructor before those columns were added). */
    public Hardware(String id, String name, HardwareCategory category, String vendor, String cpuModel,
                    int sockets, int cores, int threads, double baseGhz, double cpuScore, double memoryGib,
                    Double priceUsd, Double monthlyUsd, Double hourlyUsd, double setupUsd, int osDiskGb,
                    int dataDisks, double dataDiskGb, DiskType dataDiskType, int nicPorts, double nicGbps,
                    String gpuModel, int gpuCount, double gpuVramGib, double gpuWatts, int rackUnits,
                    Double powerIdleW, Double powerMaxW, String region, String source, LocalDate sourceDate,
                    boolean estimate, String notes) {
        this(id, name, category, vendor, cpuModel, sockets, cores, threads, baseGhz, cpuScore, memoryGib,
                priceUsd, monthlyUsd, hourlyUsd, setupUsd, osDiskGb, dataDisks, dataDiskGb, dataDiskType,
                nicPorts, nicGbps, gpuModel, gpuCount, gpuVramGib, gpuWatts, rackUnits, powerIdleW, powerMaxW,
                region, source, sourceDate, estimate, notes, null, null, defaultRunsVms(category));
    }

    /** The row without notes (the constructor before the optional {@code notes} column was added). */
    public Hardware(String id, String name, HardwareCategory category, String vendor, String cpuModel,
                    int sockets, int cores, int threads, double baseGhz, double cpuScore, double memoryGib,
                    Double priceUsd, Double monthlyUsd, Double hourlyUsd, double setupUsd, int osDiskGb,
                    int dataDisks, double dataDiskGb, DiskType dataDiskType, int nicPorts, double nicGbps,
                    String gpuModel, int gpuCount, double gpuVramGib, double gpuWatts, int rackUnits,
                    Double powerIdleW, Double powerMaxW, String region, String source, LocalDate sourceDate,
                    boolean estimate) {
        this(id, name, category, vendor, cpuModel, sockets, cores, threads, baseGhz, cpuScore, memoryGib,
                priceUsd, monthlyUsd, hourlyUsd, setupUsd, osDiskGb, dataDisks, dataDiskGb, dataDiskType,
                nicPorts, nicGbps, gpuModel, gpuCount, gpuVramGib, gpuWatts, rackUnits, powerIdleW, powerMaxW,
                region, source, sourceDate, estimate, "");
    }

    /** Whether a row that leaves {@code runs_vms} blank runs VMs: every category but a cloud type. */
    public static boolean defaultRunsVms(HardwareCategory category) {
        return category != HardwareCategory.CLOUD;
    }

    /** The same row with other billing, architecture and VM support. */
    public Hardware withVendorTerms(Billing billing, CpuArch cpuArch, boolean runsVms) {
        return new Hardware(id, name, category, vendor, cpuModel, sockets, cores, threads, baseGhz, cpuScore, memoryGib,
                priceUsd, monthlyUsd, hourlyUsd, setupUsd, osDiskGb, dataDisks, dataDiskGb, dataDiskType,
                nicPorts, nicGbps, gpuModel, gpuCount, gpuVramGib, gpuWatts, rackUnits, powerIdleW, powerMaxW,
                region, source, sourceDate, estimate, notes, billing, cpuArch, runsVms, available);
    }

    /** The same row with another stock limit (null = unlimited). */
    public Hardware withAvailable(Integer newAvailable) {
        return new Hardware(id, name, category, vendor, cpuModel, sockets, cores, threads, baseGhz, cpuScore, memoryGib,
                priceUsd, monthlyUsd, hourlyUsd, setupUsd, osDiskGb, dataDisks, dataDiskGb, dataDiskType,
                nicPorts, nicGbps, gpuModel, gpuCount, gpuVramGib, gpuWatts, rackUnits, powerIdleW, powerMaxW,
                region, source, sourceDate, estimate, notes, billing, cpuArch, runsVms, newAvailable);
    }

    /** The host's CPU in reference threads: threads x cpu_score (a score that is not positive counts as 1). */
    public double referenceThreads() {
        return threads * (cpuScore > 0 ? cpuScore : 1.0);
    }

    /** True for an Arm host (catalog {@code cpu_arch} arm64). */
    public boolean arm() {
        return cpuArch == CpuArch.ARM64;
    }

    /** True when the row has no price at all (purchase, monthly or hourly): the figure is missing, not zero. */
    public boolean priceMissing() {
        return priceUsd == null && !rented();
    }

    /** Raw data-disk capacity in GB (decimal, as drives are sold). */
    public double rawDataGb() {
        return dataDisks * dataDiskGb;
    }

    /** True when the row has a rental rate (monthly or hourly). */
    public boolean rented() {
        return monthlyUsd != null || hourlyUsd != null;
    }

    /** The running cost per month for rented hardware: monthly rate, or hourly rate times the hours billed for 730 h. */
    public OptionalDouble rentalMonthlyUsd() {
        Double m = rentalUsdFor(HOURS_PER_MONTH);
        return m == null ? OptionalDouble.empty() : OptionalDouble.of(m);
    }

    /**
     * The rent of one server for a month of {@code hoursPerMonth} hours: the monthly rate, else the hourly rate times
     * the hours its {@link #billing} bills for them; null when the row has neither rate.
     */
    public Double rentalUsdFor(double hoursPerMonth) {
        if (monthlyUsd != null) {
            return monthlyUsd;
        }
        if (hourlyUsd != null) {
            return hourlyUsd * billing.billedHours(hoursPerMonth);
        }
        return null;
    }

    /** Hours in a billing month, the convention of the AWS calculator and OpenCost. */
    public static final double HOURS_PER_MONTH = 730.0;

    public boolean hasGpu() {
        return gpuCount > 0;
    }

    /** "price from 2026-07": the month of the source date, for display. */
    public String priceAge() {
        return sourceDate == null ? "price date unknown" : "price from " + sourceDate.toString().substring(0, 7);
    }
}
