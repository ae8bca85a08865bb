package dev.clusterplanner.bench;

import dev.clusterplanner.app.ProbeService;
import dev.clusterplanner.core.live.FingerprintPrompt;
import dev.clusterplanner.core.live.LiveSnapshot;
import dev.clusterplanner.core.live.ProbeException;
import dev.clusterplanner.core.live.ProbeSettings;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A whole probe of the three-member Incus lab (start it first: {@code bash src/test/lab/incus-lab.sh start}):
 * a new client each time (TLS handshakes included), /1.0, members, three resources concurrently, instances,
 * states, pools and networks. Target: under 2 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, batchSize = 1)
@Measurement(iterations = 5, batchSize = 1)
public class IncusProbeBenchmark {

    ProbeService service;
    ProbeService.Request https;
    ProbeService.Request socket;

    @Setup
    public void setUp() throws Exception {
        String lab = System.getenv().getOrDefault("CP_INCUS_LAB", "/tmp/cp-incus-lab");
        Map<String, String> env = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(lab, "lab.env"))) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        service = new ProbeService();
        https = new ProbeService.Request(new ProbeService.Url(env.get("CP_INCUS_URL"), Path.of(env.get("CP_INCUS_CERT")),
                Path.of(env.get("CP_INCUS_KEY"))), env.get("CP_INCUS_FINGERPRINT"), FingerprintPrompt.REFUSE, ProbeSettings.DEFAULT);
        socket = new ProbeService.Request(new ProbeService.Local(Path.of(env.get("CP_INCUS_SOCKET"))), null, FingerprintPrompt.REFUSE,
                ProbeSettings.DEFAULT);
    }

    @Benchmark
    public LiveSnapshot probeOverHttps() throws ProbeException {
        return service.read(https);
    }

    @Benchmark
    public LiveSnapshot probeOverUnixSocket() throws ProbeException {
        return service.read(socket);
    }
}
