package dev.clusterplanner.bench;

import dev.clusterplanner.core.simulation.MonteCarlo;
import dev.clusterplanner.core.simulation.SimulationInputs;
import dev.clusterplanner.core.simulation.SimulationInputs.CostOption;
import dev.clusterplanner.core.simulation.SimulationInputs.DemandGroup;
import dev.clusterplanner.core.simulation.SimulationInputs.Uncertainty;
import dev.clusterplanner.core.simulation.SimulationResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Issue 7's targets: 10,000 trials x 60 months of the seed's three-host plan in under 0.5 s, and of a
 * plan with 100 hosts and 2,000 instances in under 5 s, on both cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class SimulationBenchmark {

    SimulationInputs seedPlan;
    SimulationInputs largePlan;

    @Setup
    public void setUp() {
        seedPlan = SimulationInputsFixtures.seedLike();
        largePlan = SimulationInputsFixtures.large();
    }

    @Benchmark
    public SimulationResult seedPlan10kTrials() {
        return MonteCarlo.run(seedPlan, 10_000, 42);
    }

    @Benchmark
    public SimulationResult hundredHosts2000Instances10kTrials() {
        return MonteCarlo.run(largePlan, 10_000, 42);
    }

    /** Inputs shaped like the plans of the targets. */
    static final class SimulationInputsFixtures {
        static SimulationInputs seedLike() {
            return inputs(3, 4, 4);
        }

        /** 2,000 instances in 200 workloads of 10 each, on 100 hosts with 4 OSDs each. */
        static SimulationInputs large() {
            return inputs(100, 200, 4);
        }

        static SimulationInputs inputs(int hosts, int groups, int disks) {
            int months = 60;
            List<DemandGroup> demand = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                demand.add(new DemandGroup("w" + g, new double[]{10 + g % 7, 20 + g % 5, 100, g % 10 == 0 ? 1 : 0}, 5 + g % 15));
            }
            double[] capacity = {groups * 20.0, groups * 40.0, groups * 200.0, groups};
            double[] flat = new double[months];
            Arrays.fill(flat, 500);
            List<CostOption> costs = List.of(
                    new CostOption("owned", flat, flat, new double[months], new double[months]),
                    new CostOption("baremetal", flat, new double[months], new double[months], new double[months]),
                    new CostOption("aws", new double[months], new double[months], flat, flat));
            return new SimulationInputs(months, hosts, demand, capacity, List.of("cpu", "memory", "disk", "gpu"),
                    SimulationInputs.defaultReliability(disks, 2, 20, hosts > 3, true, 2), costs, 0, Uncertainty.DEFAULT);
        }
    }
}
