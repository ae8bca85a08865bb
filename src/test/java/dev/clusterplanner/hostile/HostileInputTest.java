package dev.clusterplanner.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static dev.clusterplanner.hostile.Hostile.WORKLOADS_HEADER;
import static dev.clusterplanner.hostile.Hostile.cli;
import static dev.clusterplanner.hostile.Hostile.clean;
import static dev.clusterplanner.hostile.Hostile.hardwareCsv;
import static dev.clusterplanner.hostile.Hostile.plan;
import static dev.clusterplanner.hostile.Hostile.refused;
import static dev.clusterplanner.hostile.Hostile.says;
import static dev.clusterplanner.hostile.Hostile.tree;
import static dev.clusterplanner.hostile.Hostile.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The hostile-input report (issue 19) rebuilt from its descriptions and extended, grouped by cause. Every case:
 * refused or handled with a message naming the file and line or the option, no stack trace, within 60 s, and
 * after a failure nothing new in the folder. The CLI runs in this JVM; {@link AsAProcess} runs a few as a real one.
 */
class HostileInputTest {

    @TempDir
    Path dir;

    String abs(String name) {
        return dir.resolve(name).toString();
    }

    /** The example plan with one text replaced (the replacement must happen). */
    String planWith(String from, String to) {
        String p = plan();
        assertTrue(p.contains(from), from);
        return p.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    @Nested
    class EndlessOrHugeInputIsRefusedBeforeWorkStarts {

        @Test
        void countsBeyondTheInstanceLimitAreRefusedWithFileLineAndField() throws Exception {
            for (String count : List.of("1000000000", "2147483647", "1000000")) {
                write(dir, "p.plan.json", planWith("\"count\": 2,", "\"count\": " + count + ","));
                for (String cmd : List.of("check", "plan", "simulate")) {
                    refused(dir, 1, says("p.plan.json:26:", "sites/0/workloads/0/count", "at most 20000"), cmd, abs("p.plan.json"));
                }
            }
            write(dir, "p.plan.json", planWith("\"count\": 2,", "\"count\": 2147483648,"));
            refused(dir, 1, says("p.plan.json:26:", "count", "whole number"), "check", abs("p.plan.json"));
        }

        @Test
        void aHugeMinimumHostCountIsRefused() throws Exception {
            write(dir, "p.plan.json", planWith("\"facility\": {", "\"policy\": {\"minHosts\": 1000000, \"failuresTolerated\": 5000},\n      \"facility\": {"));
            refused(dir, 1, says("p.plan.json:", "minHosts must be between 1 and 1000", "failuresTolerated must be between 0 and 1000"),
                    "plan", abs("p.plan.json"));
        }

        @Test
        void aPlanFileLargerThanTheLimitIsRefusedBeforeItIsParsed() throws Exception {
            StringBuilder sb = new StringBuilder(planWith("\"workloads\": [", "\"workloads\": ["));
            // 200,000 workloads, about 12 MB: the size alone refuses it
            StringBuilder wl = new StringBuilder();
            for (int i = 0; i < 200_000; i++) {
                wl.append("{\"name\":\"w").append(i).append("\",\"kind\":\"container\",\"count\":1,\"vcpu\":1,\"memoryGib\":1},\n");
            }
            int at = sb.indexOf("\"workloads\": [") + "\"workloads\": [".length();
            sb.insert(at, wl);
            write(dir, "big.plan.json", sb.toString());
            refused(dir, 1, says("big.plan.json", "may be at most 8388608 bytes"), "plan", abs("big.plan.json"));
        }

        @Test
        void tooManyWorkloadsInASiteAreRefused() throws Exception {
            StringBuilder wl = new StringBuilder();
            for (int i = 0; i < 5_001; i++) {
                wl.append("{\"name\":\"w").append(i).append("\",\"kind\":\"container\",\"count\":1,\"vcpu\":1,\"memoryGib\":1},");
            }
            write(dir, "many.plan.json", planWith("\"workloads\": [", "\"workloads\": [" + wl));
            refused(dir, 1, says("many.plan.json:", "sites/0/workloads", "at most 5000 workloads"), "check", abs("many.plan.json"));
        }

        @Test
        void devicesAndFoldersAreRefusedByNameWithoutReadingThem() throws Exception {
            write(dir, "w.csv", WORKLOADS_HEADER + "web,container,2,1,2,10,\n");
            refused(dir, 1, says("/dev/zero", "not a regular file"), "check", "/dev/zero");
            refused(dir, 1, says("/dev/zero", "not a regular file"), "plan", "/dev/zero");
            refused(dir, 1, says("/dev/zero", "not a regular file"), "simulate", "/dev/zero");
            refused(dir, 1, says("/dev/zero", "not a regular file"), "plan", "--workloads", abs("w.csv"), "--hardware", "/dev/zero");
            refused(dir, 1, says("/dev/zero", "not a regular file"), "plan", "--workloads", "/dev/zero", "--hardware", abs("w.csv"));
            refused(dir, 1, says("/dev/zero", "not a regular file"), "catalog", "check", "/dev/zero");
            refused(dir, 1, says("/dev/zero", "not a regular file"), "probe", "--url", "https://127.0.0.1:1", "--cert", "/dev/zero", "--key", "/dev/zero");
            Files.createDirectory(dir.resolve("folder.plan.json"));
            refused(dir, 1, says("folder.plan.json", "is a folder"), "check", abs("folder.plan.json"));
            refused(dir, 1, says("folder.plan.json", "is a folder"), "plan", "--workloads", abs("folder.plan.json"), "--hardware", abs("w.csv"));
        }

        @Test
        void aNamedPipeWithoutAWriterDoesNotBlock() throws Exception {
            Path fifo = dir.resolve("pipe.plan.json");
            assumeTrue(Hostile.mkfifo(fifo), "mkfifo is not available here");
            refused(dir, 1, says("pipe.plan.json", "not a regular file"), "check", fifo.toString());
            refused(dir, 1, says("pipe.plan.json", "not a regular file"), "plan", "--workloads", fifo.toString(), "--hardware", fifo.toString());
            refused(dir, 1, says("pipe.plan.json", "not a regular file"), "catalog", "check", fifo.toString());
        }

        @Test
        void csvFilesWithTooManyRowsOrBytesAreRefused() throws Exception {
            StringBuilder rows = new StringBuilder(WORKLOADS_HEADER);
            for (int i = 0; i < 20_001; i++) {
                rows.append("w").append(i).append(",container,1,1,1,1,\n");
            }
            write(dir, "rows.csv", rows.toString());
            write(dir, "h.csv", hardwareCsv());
            refused(dir, 1, says("rows.csv:", "more than 20000 rows"), "plan", "--workloads", abs("rows.csv"), "--hardware", abs("h.csv"));
            StringBuilder big = new StringBuilder(hardwareCsv());
            String row = hardwareCsv().substring(hardwareCsv().indexOf('\n') + 1);
            while (big.length() < 9 * 1024 * 1024) {
                big.append(row);
            }
            write(dir, "bigh.csv", big.toString());
            write(dir, "w.csv", WORKLOADS_HEADER + "web,container,2,1,2,10,\n");
            refused(dir, 1, says("bigh.csv", "may be at most 8388608 bytes"), "plan", "--workloads", abs("w.csv"), "--hardware", abs("bigh.csv"));
        }

        @Test
        void spreadsheetTotalsBeyondTheLimitsAreRefused() throws Exception {
            StringBuilder rows = new StringBuilder(WORKLOADS_HEADER);
            for (int i = 0; i < 3; i++) {
                rows.append("w").append(i).append(",container,10000,1,1,1,\n");
            }
            write(dir, "w.csv", rows.toString());
            write(dir, "h.csv", hardwareCsv());
            refused(dir, 1, says("w.csv", "30000 instances", "at most"), "plan", "--workloads", abs("w.csv"), "--hardware", abs("h.csv"));
        }

        @Test
        void longNamesAndTextAreRefusedWithTheirLength() throws Exception {
            write(dir, "p.plan.json", planWith("\"name\": \"production\"", "\"name\": \"" + "s".repeat(100_000) + "\""));
            refused(dir, 1, says("p.plan.json:7:", "sites/0/name", "longer than 80000 characters"), "plan", abs("p.plan.json"), "--pdf", abs("r.pdf"));
            write(dir, "p.plan.json", planWith("\"name\": \"production\"", "\"name\": \"" + "s".repeat(300) + "\""));
            refused(dir, 1, says("p.plan.json:7:", "sites/0/name", "at most 200 characters"), "check", abs("p.plan.json"));
            write(dir, "p.plan.json", planWith("\"name\": \"postgres\"", "\"name\": \"" + "p".repeat(70) + "\""));
            refused(dir, 1, says("p.plan.json:", "sites/0/workloads/0/name", "63"), "check", abs("p.plan.json"));
            write(dir, "p.plan.json", planWith("\"description\": \"", "\"description\": \"" + "d".repeat(30_000)));
            refused(dir, 1, says("p.plan.json:", "description", "at most 20000 characters"), "check", abs("p.plan.json"));
        }
    }

    @Nested
    class EmptyWorkloads {

        @Test
        void aSiteWithNoWorkloadsIsPlannedAndSaysSoPlainly() throws Exception {
            String p = plan();
            int from = p.indexOf("\"workloads\": [");
            int to = p.indexOf(']', p.lastIndexOf('}', p.lastIndexOf("]")) - 1);
            write(dir, "empty.plan.json", p.substring(0, from) + "\"workloads\": []\n    }\n  ]\n}\n");
            Hostile.Run check = cli("check", abs("empty.plan.json"));
            assertEquals(0, check.code(), check.all());
            assertTrue(check.out().contains("0 instance(s)"), check.out());
            Hostile.Run r = cli("plan", abs("empty.plan.json"));
            clean(r);
            assertEquals(0, r.code(), r.all());
            assertTrue(r.out().contains("Site 'production' has no workloads"), r.out());
            Hostile.Run sim = cli("simulate", abs("empty.plan.json"), "--trials", "50");
            clean(sim);
            assertTrue(sim.code() == 0 || sim.code() == 3, sim.all());
            assertTrue(to > 0);
        }

        @Test
        void aHeaderOnlyWorkloadsSpreadsheetIsPlannedAsAnEmptySite() throws Exception {
            write(dir, "w.csv", WORKLOADS_HEADER);
            write(dir, "h.csv", hardwareCsv());
            Hostile.Run r = cli("plan", "--workloads", abs("w.csv"), "--hardware", abs("h.csv"));
            clean(r);
            assertEquals(0, r.code(), r.all());
            assertTrue(r.out().contains("has no workloads"), r.out());
        }
    }

    @Nested
    class AcceptedNoMore {

        @Test
        void nullIsNotANumber() throws Exception {
            for (String field : List.of("count", "vcpu", "memoryGib")) {
                String p = plan();
                int at = p.indexOf("\"" + field + "\":");
                int comma = p.indexOf(',', at);
                write(dir, "p.plan.json", p.substring(0, at) + "\"" + field + "\": null" + p.substring(comma));
                refused(dir, 1, says("p.plan.json:", "sites/0/workloads/0/" + field, "is null"), "check", abs("p.plan.json"));
            }
        }

        @Test
        void aSecondJsonDocumentIsRefused() throws Exception {
            write(dir, "p.plan.json", plan() + "\n{\"format\": 1}\n");
            refused(dir, 1, says("p.plan.json:76:1", "a second JSON value"), "check", abs("p.plan.json"));
            write(dir, "p.plan.json", plan() + " 42");
            refused(dir, 1, says("p.plan.json:", "a second JSON value"), "check", abs("p.plan.json"));
        }

        @Test
        void bytesThatAreNotUtf8AreRefusedWithLineAndColumn() throws Exception {
            byte[] latin1 = planWith("\"production\"", "\"producci\u00f3n\"").getBytes(StandardCharsets.ISO_8859_1);
            Hostile.write(dir, "p.plan.json", latin1);
            refused(dir, 1, says("p.plan.json:7:24", "not UTF-8", "0xF3"), "check", abs("p.plan.json"));
            Hostile.write(dir, "w.csv", (WORKLOADS_HEADER + "caf\u00e9,container,1,1,1,1,\n").getBytes(StandardCharsets.ISO_8859_1));
            Hostile.write(dir, "h.csv", hardwareCsv());
            refused(dir, 1, says("w.csv:2:4", "not UTF-8"), "plan", "--workloads", abs("w.csv"), "--hardware", abs("h.csv"));
        }

        @Test
        void valuesBeyondAnyRealOneAreRefused() throws Exception {
            write(dir, "p.plan.json", planWith("\"electricityUsdPerKwh\": 0.13", "\"electricityUsdPerKwh\": 1e308"));
            refused(dir, 1, says("p.plan.json:16:", "electricityUsdPerKwh must be between 0 and 10"), "plan", abs("p.plan.json"));
            write(dir, "p.plan.json", planWith("\"pue\": 1.0", "\"pue\": 1e308"));
            refused(dir, 1, says("p.plan.json:17:", "PUE is between 1.0 and 5"), "plan", abs("p.plan.json"));
            write(dir, "p.plan.json", planWith("\"diskGib\": 100", "\"diskGib\": 1e308"));
            refused(dir, 1, says("p.plan.json:", "diskGib must be at most 1048576"), "plan", abs("p.plan.json"));
            write(dir, "p.plan.json", planWith("\"memoryGib\": 6", "\"memoryGib\": 1e400"));
            refused(dir, 1, says("p.plan.json:", "memoryGib", "too large"), "check", abs("p.plan.json"));
            write(dir, "p.plan.json", plan());
            refused(dir, 2, says("--cpu-overcommit", "Infinity"), "plan", abs("p.plan.json"), "--cpu-overcommit", "Infinity");
        }

        @Test
        void hardwareRowsBeyondAnyMachineAreRefusedAtTheirCell() throws Exception {
            // sockets, cores, threads of the Meerkat row: 1, 12, 12
            assertTrue(hardwareCsv().contains(",1,12,12,"), hardwareCsv());
            write(dir, "h.csv", hardwareCsv().replace(",1,12,12,", ",1,1000000000,1000000000,"));
            List<String> header = List.of(hardwareCsv().substring(0, hardwareCsv().indexOf('\n')).split(","));
            write(dir, "w.csv", WORKLOADS_HEADER + "web,container,2,1,2,10,\n");
            refused(dir, 1, says("h.csv:2:" + (header.indexOf("cores") + 1), "cores must be at most 4096"), "plan", "--workloads", abs("w.csv"),
                    "--hardware", abs("h.csv"));
        }

        @Test
        void simulateExitsThreeLikePlanWhenASiteFitsNoHardware() throws Exception {
            write(dir, "p.plan.json", planWith("\"memoryGib\": 6", "\"memoryGib\": 60000"));
            Hostile.Run plan = refused(dir, 3, says(), "plan", abs("p.plan.json"));
            assertTrue(plan.out().contains("No feasible option"), plan.out());
            Hostile.Run sim = refused(dir, 3, says("production", "not simulated", "no hardware candidate fits"), "simulate", abs("p.plan.json"),
                    "--trials", "20");
            assertFalse(sim.out().isBlank());
        }

        @Test
        void csvNulStrayQuotesAndTextAfterAQuoteAreRefused() throws Exception {
            write(dir, "h.csv", hardwareCsv());
            write(dir, "w.csv", WORKLOADS_HEADER + "web,container,2,1,2,10,pro\u0000j\n");
            refused(dir, 1, says("w.csv:2:27", "NUL"), "plan", "--workloads", abs("w.csv"), "--hardware", abs("h.csv"));
            write(dir, "w.csv", WORKLOADS_HEADER + "web,container,2,1,2,10,pro\"j\n");
            refused(dir, 1, says("w.csv:2:27", "'\"'"), "plan", "--workloads", abs("w.csv"), "--hardware", abs("h.csv"));
            write(dir, "w.csv", WORKLOADS_HEADER + "web,container,2,1,2,10,\"proj\"x\n");
            refused(dir, 1, says("w.csv:2:", "after a field's closing"), "plan", "--workloads", abs("w.csv"), "--hardware", abs("h.csv"));
            write(dir, "w.csv", WORKLOADS_HEADER + "web,container,2,1,2,10,\"a \"\"quoted\"\" project, fine\"\n");
            Hostile.Run ok = cli("plan", "--workloads", abs("w.csv"), "--hardware", abs("h.csv"));
            assertFalse(ok.all().contains("w.csv:2"), "a properly quoted field is accepted:\n" + ok.all());
        }

        @Test
        void catalogCheckOfAnEmptyFolderIsNotOk() throws Exception {
            Files.createDirectory(dir.resolve("empty"));
            refused(dir, 1, says("empty", "holds no catalog files"), "catalog", "check", abs("empty"));
        }
    }

    @Nested
    class MessagesNameFileLineFieldOrOption {

        @Test
        void deepNestingLongNumbersAndDuplicateKeysHaveALineAndPlainWords() throws Exception {
            write(dir, "deep.plan.json", "[".repeat(5000) + "]".repeat(5000));
            refused(dir, 1, says("deep.plan.json:1:", "nested deeper than 32"), "check", abs("deep.plan.json"));
            write(dir, "p.plan.json", planWith("\"count\": 2,", "\"count\": " + "9".repeat(2000) + ","));
            refused(dir, 1, says("p.plan.json:26:", "more than 40 characters"), "check", abs("p.plan.json"));
            write(dir, "p.plan.json", planWith("\"count\": 2,", "\"count\": 2, \"count\": 3,"));
            refused(dir, 1, says("p.plan.json:26:", "the field 'count' appears twice"), "check", abs("p.plan.json"));
        }

        @Test
        void badOptionValuesAreUsageErrorsNamingTheOption() throws Exception {
            write(dir, "p.plan.json", plan());
            String p = abs("p.plan.json");
            refused(dir, 2, says("--failures", "-1"), "plan", p, "--failures", "-1");
            refused(dir, 2, says("--min-hosts", "0"), "plan", p, "--min-hosts", "0");
            refused(dir, 2, says("--cpu-overcommit", "0.5"), "plan", p, "--cpu-overcommit", "0.5");
            refused(dir, 2, says("--cpu-overcommit", "NaN"), "plan", p, "--cpu-overcommit", "NaN");
            refused(dir, 2, says("--cpu-overcommit-vms", "1000"), "plan", p, "--cpu-overcommit-vms", "1000");
            refused(dir, 2, says("--reserve-memory-gib", "-1"), "plan", p, "--reserve-memory-gib", "-1");
            refused(dir, 2, says("--risk-trials"), "plan", p, "--pdf", abs("r.pdf"), "--risk-trials", "0");
            refused(dir, 2, says("--trials"), "simulate", p, "--trials", "0");
            refused(dir, 2, says("--trials"), "simulate", p, "--trials", "2000000000");
            refused(dir, 2, says("--timeout"), "probe", "--url", "https://127.0.0.1:1", "--cert", p, "--key", p, "--timeout", "0");
            refused(dir, 2, says("--failures"), "plan", p, "--failures", "many");
        }

        @Test
        void outputPathErrorsNameTheOutputNeverATemporaryFile() throws Exception {
            write(dir, "p.plan.json", plan());
            Hostile.Run r = refused(dir, 1, says("p.plan.json/x.json", "a file of that name is in the way"), "simulate", "--json",
                    abs("p.plan.json/x.json"), abs("p.plan.json"), "--trials", "20");
            assertFalse(r.all().contains(".tmp"), r.all());
            Files.createDirectory(dir.resolve("out.json"));
            r = refused(dir, 1, says("out.json", "is a folder"), "plan", abs("p.plan.json"), "--json", abs("out.json"));
            assertFalse(r.all().contains(".tmp"), r.all());
        }

        @Test
        void problemsFoundAfterLoadingNameThePlanFileAndLine() throws Exception {
            write(dir, "p.plan.json", planWith("\"aws-m7i.2xlarge\"", "\"aws-m7i.2xlarge\", \"no-such-hardware\""));
            for (String cmd : List.of("plan", "simulate")) {
                Hostile.Run r = refused(dir, 1, says("p.plan.json:12:28", "sites/0/hardware/3", "no-such-hardware"), cmd, abs("p.plan.json"));
                assertFalse(r.all().contains("Three-host System76"), "labelled with the plan's title:\n" + r.all());
            }
        }

        @Test
        void brokenCharactersAndControlCharactersInNamesAreRefused() throws Exception {
            write(dir, "p.plan.json", planWith("\"production\"", "\"prod\\ud800\""));
            refused(dir, 1, says("p.plan.json:7:", "sites/0/name", "lone UTF-16 surrogate"), "check", abs("p.plan.json"));
            write(dir, "p.plan.json", planWith("\"production\"", "\"prod\\u001b[31mRED\""));
            Hostile.Run r = refused(dir, 1, says("p.plan.json:7:", "control character"), "check", abs("p.plan.json"));
            assertFalse(r.all().contains("\u001b"), "an ESC reached the terminal");
            write(dir, "p.plan.json", planWith("\"production\"", "\"prod\\u202euction\""));
            refused(dir, 1, says("p.plan.json:7:", "text-direction"), "check", abs("p.plan.json"));
        }
    }

    @Nested
    class Outputs {

        @Test
        void aFailingPdfLeavesNoCsvNoJsonAndNoFolderBehind() throws Exception {
            write(dir, "p.plan.json", plan());
            String badPdf = abs("p.plan.json/report.pdf");
            refused(dir, 1, says("p.plan.json/report.pdf"), "plan", abs("p.plan.json"), "--csv", abs("tables"), "--pdf", badPdf);
            refused(dir, 1, says("p.plan.json/report.pdf"), "plan", abs("p.plan.json"), "--json", abs("out.json"), "--pdf", badPdf);
            refused(dir, 1, says("p.plan.json/report.pdf"), "plan", abs("p.plan.json"), "--csv", abs("deep/er/tables"), "--json",
                    abs("x/out.json"), "--pdf", badPdf);
        }

        @Test
        void aBadLiveFileIsFoundBeforeAnyOutputIsWritten() throws Exception {
            write(dir, "p.plan.json", plan());
            write(dir, "live.json", "{ not json");
            refused(dir, 1, says("live.json"), "plan", abs("p.plan.json"), "--csv", abs("tables"), "--pdf", abs("r.pdf"), "--live", abs("live.json"));
            refused(dir, 1, says("missing.json"), "plan", abs("p.plan.json"), "--json", abs("o.json"), "--pdf", abs("r.pdf"), "--live",
                    abs("missing.json"));
        }

        @Test
        void newFilesGetTheUsualModeAndOverwritingKeepsTheMode() throws Exception {
            write(dir, "p.plan.json", plan());
            Path ordinary = Files.createFile(dir.resolve("ordinary"));
            Path kept = write(dir, "kept.json", "old");
            Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-r-----"));
            Hostile.Run r = cli("plan", abs("p.plan.json"), "--json", abs("new.json"), "--csv", abs("tables"));
            assertEquals(0, r.code(), r.all());
            assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(dir.resolve("new.json")));
            assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(dir.resolve("tables/comparison.csv")));
            assertEquals(0, cli("plan", abs("p.plan.json"), "--json", abs("kept.json")).code());
            assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
            assertTrue(Files.readString(kept).startsWith("{"));
            try (var s = Files.list(dir)) {
                assertTrue(s.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
            }
        }

        @Test
        void spreadsheetFormulasInNamesAreWrittenAsText() throws Exception {
            write(dir, "p.plan.json", planWith("\"production\"", "\"=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")\""));
            Hostile.Run r = cli("plan", abs("p.plan.json"), "--csv", abs("tables"));
            clean(r);
            String csv = Files.readString(dir.resolve("tables/comparison.csv"));
            assertTrue(csv.contains("'=HYPERLINK("), csv.substring(0, Math.min(400, csv.length())));
            for (String line : csv.split("\r\n")) {
                assertFalse(line.startsWith("=") || line.contains(",=") || line.contains(",\"="), "a formula cell: " + line);
            }
        }

        @Test
        void controlCharactersFromASpreadsheetNeverReachTheTerminalRaw() throws Exception {
            String hw = hardwareCsv().replace("\"System76 Meerkat Tall,", "\"System76 \u001b[2J\u001b[31mMeerkat Tall,");
            write(dir, "h.csv", hw);
            write(dir, "w.csv", WORKLOADS_HEADER + "web,container,2,1,2,10,\n");
            Hostile.Run r = cli("plan", "--workloads", abs("w.csv"), "--hardware", abs("h.csv"), "--pdf", abs("r.pdf"));
            clean(r);
            assertFalse(r.all().contains("\u001b"), "an ESC reached the terminal:\n" + r.all());
        }

        @Test
        void dashMeansStandardOutputForJson() throws Exception {
            write(dir, "p.plan.json", plan());
            ObjectMapper json = new ObjectMapper();
            Hostile.Run plan = cli("plan", abs("p.plan.json"), "--json", "-");
            assertEquals(0, plan.code(), plan.err());
            assertTrue(json.readTree(plan.out()).isObject());
            Hostile.Run sim = cli("simulate", abs("p.plan.json"), "--trials", "30", "--json", "-");
            assertEquals(0, sim.code(), sim.err());
            assertTrue(json.readTree(sim.out()).isObject());
            Hostile.Run csv = cli("plan", abs("p.plan.json"), "--csv", "-");
            assertEquals(0, csv.code(), csv.err());
            assertTrue(csv.out().startsWith("site,option_id,option,"), csv.out());
            refused(dir, 2, says("only one of --json and --csv"), "plan", abs("p.plan.json"), "--csv", "-", "--json", "-");
            refused(dir, 2, says("only one of --json and --import-plan"), "probe", "--local", "--json", "-", "--import-plan", "-");
            assertEquals(List.of("p.plan.json"), List.copyOf(tree(dir)).subList(1, tree(dir).size()));
            assertFalse(Files.exists(Path.of("-")), "a file named '-' was written");
        }
    }

    /** A few cases as a real process: exit codes, no stack trace on standard error. */
    @Nested
    class AsAProcess {

        @Test
        void endlessAndBlockingInputsEndWithAMessage() throws Exception {
            Hostile.Run zero = Hostile.process(dir, "check", "/dev/zero");
            assertEquals(1, zero.code(), zero.all());
            assertTrue(zero.err().contains("/dev/zero: is not a regular file"), zero.all());
            clean(zero);
            Path fifo = dir.resolve("pipe.json");
            if (Hostile.mkfifo(fifo)) {
                Hostile.Run pipe = Hostile.process(dir, "plan", fifo.toString());
                assertEquals(1, pipe.code(), pipe.all());
                clean(pipe);
            }
            write(dir, "p.plan.json", planWith("\"count\": 2,", "\"count\": 1000000000,"));
            Hostile.Run count = Hostile.process(dir, "plan", "p.plan.json");
            assertEquals(1, count.code(), count.all());
            assertTrue(count.err().contains("p.plan.json:26:"), count.all());
            clean(count);
        }
    }
}
