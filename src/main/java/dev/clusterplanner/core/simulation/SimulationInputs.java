package dev.clusterplanner.core.simulation;

import java.util.List;
import java.util.Objects;

/**
 * Everything one Monte Carlo run needs, already reduced to numbers by the application layer
 * (from the sizing, storage and cost results of one site and its planned option).
 *
 * @param months      horizon in months
 * @param hosts       planned hosts of the option under test
 * @param demand      demand groups (one per workload), each with its demand per dimension today
 * @param capacity    per dimension, the demand the planned hosts can carry while keeping the failure
 *                    headroom (the same dimensions and units as the groups' demand)
 * @param dimensions  names of the dimensions, e.g. "cpu", "memory", "disk", "gpu"
 * @param reliability failure and repair behaviour
 * @param costs       the cost options to compare, as deterministic monthly series
 * @param ownedOption index in {@code costs} of the owned-hardware option (-1 when none)
 * @param uncertainty the distributions, and which ones are switched on
 * @param hostAgeMonths the age in months at the start of the horizon of the first hosts (hosts already owned with a
 *                      known purchase date); their failure rate follows {@code ageRates} month by month. The other hosts
 *                      keep {@code reliability.hostAfr}. Empty for a plan of new hosts.
 * @param ageRates      how the failure rate grows with age
 */
public record SimulationInputs(
        int months,
        int hosts,
        List<DemandGroup> demand,
        double[] capacity,
        List<String> dimensions,
        Reliability reliability,
        List<CostOption> costs,
        int ownedOption,
        Uncertainty uncertainty,
        double[] hostAgeMonths,
        AgeFailureRates ageRates) {

    /** Inputs whose hosts are all new (no age-aware failure rate). */
    public SimulationInputs(int months, int hosts, List<DemandGroup> demand, double[] capacity, List<String> dimensions,
                            Reliability reliability, List<CostOption> costs, int ownedOption, Uncertainty uncertainty) {
        this(months, hosts, demand, capacity, dimensions, reliability, costs, ownedOption, uncertainty, new double[0], AgeFailureRates.DEFAULT);
    }

    public SimulationInputs {
        hostAgeMonths = hostAgeMonths == null ? new double[0] : hostAgeMonths.clone();
        ageRates = ageRates == null ? AgeFailureRates.DEFAULT : ageRates;
        if (hostAgeMonths.length > hosts) {
            throw new IllegalArgumentException(hostAgeMonths.length + " host ages for " + hosts + " hosts");
        }
        for (double a : hostAgeMonths) {
            if (!(a >= 0) || Double.isInfinite(a)) {
                throw new IllegalArgumentException("a host's age must be 0 months or more, got " + a);
            }
        }
        Objects.requireNonNull(reliability, "reliability");
        Objects.requireNonNull(uncertainty, "uncertainty");
        demand = List.copyOf(demand);
        costs = List.copyOf(costs);
        dimensions = List.copyOf(dimensions);
        capacity = capacity.clone();
        if (months < 1) {
            throw new IllegalArgumentException("the horizon must be at least one month, got " + months);
        }
        if (hosts < 1) {
            throw new IllegalArgumentException("a simulation needs at least one host, got " + hosts);
        }
        if (capacity.length != dimensions.size()) {
            throw new IllegalArgumentException("capacity has " + capacity.length + " dimensions, names " + dimensions.size());
        }
        for (DemandGroup g : demand) {
            if (g.demand().length != capacity.length) {
                throw new IllegalArgumentException("demand group '" + g.name() + "' has " + g.demand().length
                        + " dimensions, capacity " + capacity.length);
            }
        }
        for (CostOption c : costs) {
            if (c.fixed().length != months || c.energy().length != months || c.cloud().length != months || c.usage().length != months) {
                throw new IllegalArgumentException("cost option '" + c.name() + "' must have " + months + " months in each series");
            }
        }
    }

    public double[] capacity() {
        return capacity.clone();
    }

    @Override
    public double[] hostAgeMonths() {
        return hostAgeMonths.clone();
    }

    /**
     * A workload's demand per dimension today and its expected growth.
     *
     * @param growthPctYear expected growth of the demand per year, percent (the profile's growth_pct_year)
     */
    public record DemandGroup(String name, double[] demand, double growthPctYear) {
        public DemandGroup {
            demand = demand.clone();
        }

        @Override
        public double[] demand() {
            return demand.clone();
        }
    }

    /**
     * Failure and repair behaviour of the hosts and their data disks.
     *
     * @param hostAfr                  annual failure rate of one host (0..1)
     * @param hostRepairHours          mean time to bring a failed host back (exponentially distributed)
     * @param disksPerHost             data disks (OSDs) per host
     * @param diskAfr                  annual failure rate of one disk (0..1)
     * @param diskReplaceHours         time to replace a failed disk
     * @param recoveryHoursDisk        time to re-replicate one disk's data (from the storage model)
     * @param recoveryHoursHost        time to re-replicate one host's data (from the storage model)
     * @param canHealHostLoss          whether the survivors can take a lost host's data (e.g. false for size 3 on 3 hosts)
     * @param canHealDiskLoss          whether a lost disk's data can re-replicate without the disk being replaced
     * @param concurrentFailuresAtRisk failures on distinct hosts at once that reach min_size (replicated: size - min_size + 1; EC: m)
     */
    public record Reliability(double hostAfr, double hostRepairHours, int disksPerHost, double diskAfr,
                              double diskReplaceHours, double recoveryHoursDisk, double recoveryHoursHost,
                              boolean canHealHostLoss, boolean canHealDiskLoss, int concurrentFailuresAtRisk) {
    }

    /**
     * One cost option as deterministic monthly series (USD), split by what drives its uncertainty.
     *
     * @param fixed  costs that do not move (purchases, rent, support)
     * @param energy electricity: follows the electricity price drift
     * @param cloud  cloud charges: follow cloud price changes
     * @param usage  usage-based charges: scale with the simulated demand against the expected demand
     */
    public record CostOption(String name, double[] fixed, double[] energy, double[] cloud, double[] usage) {
        public CostOption {
            fixed = fixed.clone();
            energy = energy.clone();
            cloud = cloud.clone();
            usage = usage.clone();
        }

        /** A series with all costs fixed (nothing uncertain). */
        public static CostOption fixedOnly(String name, double[] monthly) {
            double[] zero = new double[monthly.length];
            return new CostOption(name, monthly, zero, zero, zero);
        }

        public double deterministicTotal() {
            double sum = 0;
            for (int t = 0; t < fixed.length; t++) {
                sum += fixed[t] + energy[t] + cloud[t] + usage[t];
            }
            return sum;
        }

        double fixedAt(int t) {
            return fixed[t];
        }

        double energyAt(int t) {
            return energy[t];
        }

        double cloudAt(int t) {
            return cloud[t];
        }

        double usageAt(int t) {
            return usage[t];
        }
    }

    /**
     * The distributions of the uncertain inputs, with documented defaults (README, "Risk simulation").
     *
     * @param growth                 switch: draw each workload's growth rate per trial
     * @param growthSdPoints         standard deviation of a workload's yearly growth rate, in percentage points
     * @param failures               switch: simulate host and disk failures
     * @param prices                 switch: drift electricity and cloud prices
     * @param electricityDriftPctYear mean yearly change of the electricity price, percent
     * @param electricitySdPctYear   standard deviation of that change, percentage points
     * @param cloudChangePctYear     mean yearly change of cloud prices, percent
     * @param cloudSdPctYear         standard deviation of that change, percentage points
     */
    public record Uncertainty(boolean growth, double growthSdPoints, boolean failures, boolean prices,
                              double electricityDriftPctYear, double electricitySdPctYear,
                              double cloudChangePctYear, double cloudSdPctYear) {

        /** Defaults: growth +-5 points; electricity +3 %/year +-4; cloud -2 %/year +-3 (estimates, see README). */
        public static final Uncertainty DEFAULT = new Uncertainty(true, 5.0, true, true, 3.0, 4.0, -2.0, 3.0);

        /** Nothing uncertain: every trial equals the deterministic plan. */
        public static final Uncertainty NONE = new Uncertainty(false, 0, false, false, 0, 0, 0, 0);

        public Uncertainty withFailures(boolean on) {
            return new Uncertainty(growth, growthSdPoints, on, prices, electricityDriftPctYear, electricitySdPctYear, cloudChangePctYear, cloudSdPctYear);
        }

        public Uncertainty withGrowth(boolean on) {
            return new Uncertainty(on, growthSdPoints, failures, prices, electricityDriftPctYear, electricitySdPctYear, cloudChangePctYear, cloudSdPctYear);
        }
    }

    /** Documented default reliability figures (estimates: see docs/user/risk.md). */
    public static Reliability defaultReliability(int disksPerHost, double recoveryHoursDisk, double recoveryHoursHost,
                                                 boolean canHealHostLoss, boolean canHealDiskLoss, int atRisk) {
        return new Reliability(0.05, 48, disksPerHost, 0.01, 24, recoveryHoursDisk, recoveryHoursHost, canHealHostLoss, canHealDiskLoss, atRisk);
    }
}
