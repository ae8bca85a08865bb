import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Builds the native packages of Cluster Planner: {@code mvn -Pinstaller package} runs this file with the
 * project's runtime class path (Java's single-file source launcher, so no build step of its own).
 *
 * <ol>
 *   <li>splits the class path: the JavaFX platform jars (org.openjfx:*:&lt;platform&gt;) become modules of the
 *       runtime, every other jar goes beside the application jar;</li>
 *   <li>generates the bash completion (picocli.AutoComplete) and the man pages (picocli-codegen's
 *       ManPageGenerator writes AsciiDoc; {@link #roff} turns that into man(7) pages, gzipped);</li>
 *   <li>links a runtime with jlink: the Java modules jdeps finds, jdk.crypto.ec for the probe's TLS, and
 *       javafx.controls/javafx.swing from the platform jars, whose native libraries are copied beside the
 *       runtime's own (so JavaFX never unpacks them into the user's home);</li>
 *   <li>jpackage: a portable app image (also archived), then the system's installer: a .deb on Linux,
 *       an .msi on Windows (needs the WiX 3 tools on the PATH), a .dmg on macOS.</li>
 * </ol>
 *
 * Arguments: {@code --version V --target DIR --main-jar JAR --resources DIR}. Output: DIR/installer.
 */
public final class BuildPackage {

    static final String NAME = "cluster-planner";
    static final String MAIN_CLASS = "dev.clusterplanner.Launcher";
    static final String CLI_CLASS = "dev.clusterplanner.cli.Cli";
    static final String DESCRIPTION = "Plan, cost and validate Incus clusters (desktop app and command line)";
    static final String VENDOR = "Cluster Planner";
    /** JavaFX internals ControlsFX reaches into; the JavaFX modules are named modules in the runtime. */
    static final List<String> JAVA_OPTIONS = List.of(
            "--add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED",
            "--add-exports=javafx.controls/com.sun.javafx.scene.control=ALL-UNNAMED",
            "--add-exports=javafx.controls/com.sun.javafx.scene.control.behavior=ALL-UNNAMED",
            "--add-exports=javafx.graphics/com.sun.javafx.scene=ALL-UNNAMED",
            "--add-opens=javafx.graphics/javafx.scene=ALL-UNNAMED",
            "--add-opens=javafx.controls/javafx.scene.control=ALL-UNNAMED",
            "--add-opens=javafx.controls/javafx.scene.control.skin=ALL-UNNAMED");
    /** Modules jdeps cannot see: service providers and the JavaFX modules the launcher class loads. */
    static final List<String> EXTRA_MODULES = List.of("jdk.crypto.ec", "javafx.controls", "javafx.swing");
    static final Pattern JAVAFX_PLATFORM_JAR = Pattern.compile("javafx-[a-z]+-[0-9][^-]*-(linux|win|mac)(-aarch64)?\\.jar");
    static final Pattern JAVAFX_JAR = Pattern.compile("javafx-[a-z]+-[0-9].*\\.jar");
    static final Pattern BUILD_ONLY_JAR = Pattern.compile("picocli-codegen-.*\\.jar");

    enum Os { LINUX, WINDOWS, MAC }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i], argv[i + 1]);
        }
        String version = args.get("--version").replace("-SNAPSHOT", "");
        Path target = Path.of(args.get("--target")).toAbsolutePath();
        Path mainJar = Path.of(args.get("--main-jar")).toAbsolutePath();
        Path resources = Path.of(args.get("--resources")).toAbsolutePath();
        Os os = os();
        Path out = target.resolve("installer");
        Path work = target.resolve("installer-work");
        deleteTree(out);
        deleteTree(work);
        Files.createDirectories(out);
        Path input = Files.createDirectories(work.resolve("input"));
        Path modules = Files.createDirectories(work.resolve("javafx-modules"));

        // 1. the class path: JavaFX platform jars as modules, the rest beside the application jar
        List<Path> tools = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            String file = p.getFileName().toString();
            if (Files.isDirectory(p) || !file.endsWith(".jar")) {
                continue; // target/classes: the application jar carries them
            }
            if (JAVAFX_PLATFORM_JAR.matcher(file).matches()) {
                Files.copy(p, modules.resolve(file));
            } else if (BUILD_ONLY_JAR.matcher(file).matches()) {
                tools.add(p);
            } else if (!JAVAFX_JAR.matcher(file).matches()) { // the empty javafx-*.jar without a platform
                Files.copy(p, input.resolve(file));
            }
        }
        Files.copy(mainJar, input.resolve(mainJar.getFileName()));
        if (listJars(modules).isEmpty()) {
            throw new IllegalStateException("no JavaFX platform jars on the class path");
        }

        // 2. bash completion and man pages, from the application's own picocli model
        Path share = Files.createDirectories(input.resolve("share"));
        generateShellFiles(input, tools, share, version);

        // 3. the runtime
        Path runtime = work.resolve("runtime");
        String jdepsModules = tool("jdeps", "--multi-release", "17", "--ignore-missing-deps", "--print-module-deps",
                "--module-path", joinPaths(listJars(modules)), "--class-path", joinPaths(listJars(input)),
                input.resolve(mainJar.getFileName()).toString()).strip();
        TreeSet<String> linked = new TreeSet<>(Arrays.asList(jdepsModules.split(",")));
        linked.addAll(EXTRA_MODULES);
        log("runtime modules: " + String.join(",", linked));
        tool("jlink", "--module-path", joinPaths(listJars(modules)), "--add-modules", String.join(",", linked),
                "--strip-debug", "--no-header-files", "--no-man-pages", "--strip-native-commands",
                "--compress=2", "--output", runtime.toString());
        Path nativeDir = runtime.resolve(os == Os.WINDOWS ? "bin" : "lib");
        for (Path jar : listJars(modules)) {
            copyNativeLibraries(jar, nativeDir);
        }

        // 4. jpackage: the portable app image, then the system's installer
        List<String> common = new ArrayList<>(List.of(
                "--name", NAME, "--app-version", version, "--vendor", VENDOR, "--description", DESCRIPTION,
                "--dest", out.toString()));
        List<String> image = new ArrayList<>(common);
        image.addAll(List.of("--type", "app-image", "--input", input.toString(),
                "--main-jar", mainJar.getFileName().toString(), "--main-class", MAIN_CLASS,
                "--runtime-image", runtime.toString()));
        for (String option : JAVA_OPTIONS) {
            image.addAll(List.of("--java-options", option));
        }
        Path icon = resources.resolve(os == Os.WINDOWS ? "windows/cluster-planner.ico"
                : os == Os.MAC ? "macos/cluster-planner.icns" : "linux/cluster-planner.png");
        if (Files.exists(icon)) {
            image.addAll(List.of("--icon", icon.toString()));
        }
        if (os == Os.WINDOWS) {
            image.add("--win-console"); // the command line needs a console; the window opens alike
        }
        tool("jpackage", image.toArray(String[]::new));
        Path appImage = out.resolve(os == Os.MAC ? NAME + ".app" : NAME);
        String platform = (os == Os.LINUX ? "linux" : os == Os.WINDOWS ? "windows" : "macos") + "-"
                + (System.getProperty("os.arch").contains("aarch64") ? "aarch64" : "x64");
        Path archive = out.resolve(NAME + "-" + version + "-" + platform + (os == Os.WINDOWS ? ".zip" : ".tar.gz"));
        archive(appImage, archive, os);

        List<String> installer = new ArrayList<>(common);
        installer.addAll(List.of("--app-image", appImage.toString(),
                "--file-associations", resources.resolve("plan-json.properties").toString()));
        if (os == Os.LINUX) {
            installer.addAll(List.of("--type", "deb", "--resource-dir", resources.resolve("linux").toString(),
                    "--linux-package-name", NAME, "--linux-deb-maintainer", "cluster-planner@users.noreply.github.com",
                    "--linux-menu-group", "Office;Finance;", "--linux-app-category", "utils",
                    "--linux-package-deps", "libgtk-3-0", "--linux-shortcut", "--install-dir", "/opt"));
        } else if (os == Os.WINDOWS) {
            installer.addAll(List.of("--type", "msi", "--win-menu", "--win-shortcut", "--win-dir-chooser",
                    "--win-per-user-install"));
        } else {
            installer.addAll(List.of("--type", "dmg"));
        }
        tool("jpackage", installer.toArray(String[]::new));
        if (os == Os.LINUX) {
            try (Stream<Path> debs = Files.list(out)) {
                for (Path deb : debs.filter(p -> p.toString().endsWith(".deb")).collect(Collectors.toList())) {
                    addSystemFiles(deb, work.resolve("deb"));
                }
            }
        }

        try (Stream<Path> built = Files.list(out)) {
            for (Path p : built.sorted().collect(Collectors.toList())) {
                log(String.format(Locale.ROOT, "built %s (%.1f MB)", out.relativize(p), size(p) / 1e6));
            }
        }
    }

    // ----- Debian: the files outside /opt

    /**
     * Adds to jpackage's .deb, as files of the package (so dpkg removes them and the desktop's dpkg triggers
     * refresh their caches): /usr/bin/cluster-planner, the desktop entry, the MIME type of *.plan.json, the
     * bash completion and the man pages, all symbolic links into /opt/cluster-planner.
     */
    static void addSystemFiles(Path deb, Path tree) throws IOException, InterruptedException {
        deleteTree(tree);
        run(List.of("dpkg-deb", "--raw-extract", deb.toString(), tree.toString()));
        String app = "/opt/" + NAME;
        Path lib = tree.resolve("opt/" + NAME + "/lib");
        Map<String, String> links = new LinkedHashMap<>();
        links.put("usr/bin/" + NAME, app + "/bin/" + NAME);
        links.put("usr/share/applications/" + NAME + ".desktop", app + "/lib/" + NAME + "-" + NAME + ".desktop");
        links.put("usr/share/mime/packages/" + NAME + ".xml", app + "/lib/" + NAME + "-" + NAME + "-MimeInfo.xml");
        links.put("usr/share/bash-completion/completions/" + NAME, app + "/lib/app/share/bash-completion/" + NAME);
        try (Stream<Path> pages = Files.list(lib.resolve("app/share/man/man1"))) {
            for (Path page : pages.sorted().collect(Collectors.toList())) {
                links.put("usr/share/man/man1/" + page.getFileName(), app + "/lib/app/share/man/man1/" + page.getFileName());
            }
        }
        for (Map.Entry<String, String> link : links.entrySet()) {
            Path inPackage = tree.resolve(link.getValue().substring(1));
            if (!Files.isRegularFile(inPackage)) {
                throw new IllegalStateException("the package has no " + link.getValue());
            }
            Path at = tree.resolve(link.getKey());
            Files.createDirectories(at.getParent());
            Files.createSymbolicLink(at, Path.of(link.getValue()));
        }
        // jpackage's maintainer scripts would run xdg-desktop-menu, which fails where no menu folder exists;
        // src/packaging/linux has scripts without those lines, but a missing resource must not bring them back
        for (String script : List.of("postinst", "prerm")) {
            if (Files.readAllLines(tree.resolve("DEBIAN/" + script)).stream().anyMatch(l -> l.strip().startsWith("xdg-"))) {
                throw new IllegalStateException("DEBIAN/" + script + " runs xdg-desktop-menu");
            }
        }
        Files.delete(deb);
        run(List.of("dpkg-deb", "--root-owner-group", "-Zxz", "--build", tree.toString(), deb.toString()));
    }

    // ----- bash completion and man pages

    static void generateShellFiles(Path input, List<Path> tools, Path share, String version) throws Exception {
        List<Path> cp = new ArrayList<>(listJars(input));
        cp.addAll(tools);
        Path completion = Files.createDirectories(share.resolve("bash-completion")).resolve(NAME);
        run(List.of(javaExe(), "-cp", joinPaths(cp), "picocli.AutoComplete", "--force", "--name", NAME,
                "--completionScript", completion.toString(), CLI_CLASS));
        if (tools.isEmpty()) {
            throw new IllegalStateException("picocli-codegen is not on the class path: no man pages");
        }
        Path adoc = Files.createDirectories(share.getParent().getParent().resolve("man-adoc"));
        run(List.of(javaExe(), "-cp", joinPaths(cp), "picocli.codegen.docgen.manpage.ManPageGenerator",
                "--outdir", adoc.toString(), CLI_CLASS));
        Path man1 = Files.createDirectories(share.resolve("man/man1"));
        try (Stream<Path> pages = Files.list(adoc)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".adoc")).sorted().collect(Collectors.toList())) {
                String name = page.getFileName().toString().replace(".adoc", "");
                if (name.endsWith("-help")) {
                    continue; // picocli's own help sub-command
                }
                String roff = roff(Files.readString(page));
                try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(man1.resolve(name + ".1.gz")))) {
                    gz.write(roff.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }

    /**
     * The AsciiDoc that picocli's ManPageGenerator writes, as a man(7) page: the document title becomes .TH,
     * sections .SH, definition-list items .TP, *bold* and _italic_ the fonts B and I.
     */
    static String roff(String adoc) {
        Map<String, String> attributes = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder();
        boolean inItem = false;      // inside a definition-list item (.TP): its text needs no .PP
        boolean inParagraph = false; // a .PP (or a heading) already opened the current paragraph
        boolean afterHeading = false; // nothing written since the last .SH
        for (String raw : adoc.split("\n", -1)) {
            String line = raw.stripTrailing();
            if (line.startsWith("//")) {
                continue;
            }
            Matcher attribute = Pattern.compile("^:([a-z-]+):\\s*(.*)$").matcher(line);
            if (attribute.matches()) {
                attributes.put(attribute.group(1), attribute.group(2));
                continue;
            }
            if (line.startsWith("= ")) {
                Matcher title = Pattern.compile("= (.+)\\((\\d)\\)").matcher(line);
                if (!title.matches()) {
                    throw new IllegalArgumentException("not a man page title: " + line);
                }
                out.append(".TH \"").append(title.group(1).toUpperCase(Locale.ROOT)).append("\" \"")
                        .append(title.group(2)).append("\" \"\" \"")
                        .append(attributes.getOrDefault("mansource", "")).append("\" \"")
                        .append(attributes.getOrDefault("manmanual", "")).append("\"\n");
                continue;
            }
            if (line.startsWith("== ")) {
                out.append(".SH ").append(line.substring(3).toUpperCase(Locale.ROOT)).append('\n');
                inItem = false;
                inParagraph = true; // a section's first paragraph needs no .PP (NAME must not have one)
                afterHeading = true;
                continue;
            }
            if (line.isBlank()) {
                inParagraph = afterHeading;
                continue;
            }
            afterHeading = false;
            if (line.equals("+")) {
                out.append(".br\n");
                continue;
            }
            if (line.endsWith("::") && !line.startsWith(" ")) {
                out.append(".TP\n").append(inline(line.substring(0, line.length() - 2))).append('\n');
                inItem = true;
                inParagraph = true;
                continue;
            }
            if (!inParagraph && !inItem) {
                out.append(".PP\n");
            }
            inParagraph = true;
            out.append(inline(line.strip())).append('\n');
        }
        return out.toString();
    }

    static String inline(String text) {
        String s = text.replace("\\", "\\e");
        s = s.replaceAll("xref:[^\\[]+\\[([^\\]]*)]", "$1");
        s = s.replaceAll("(?<![\\w*])\\*([^*]+?)\\*(?![\\w*])", "\\\\fB$1\\\\fR");
        s = s.replaceAll("(?<![\\w])_([^_]+?)_(?![\\w])", "\\\\fI$1\\\\fR");
        s = s.replaceAll("`([^`]+)`", "$1");
        s = s.replace("-", "\\-");
        if (s.startsWith(".") || s.startsWith("'")) {
            s = "\\&" + s;
        }
        return s;
    }

    // ----- helpers

    static Os os() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        return name.contains("win") ? Os.WINDOWS : name.contains("mac") ? Os.MAC : Os.LINUX;
    }

    static String tool(String name, String... args) {
        ToolProvider tool = ToolProvider.findFirst(name)
                .orElseThrow(() -> new IllegalStateException(name + " is not in this JDK (" + System.getProperty("java.home") + ")"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        log(name + " " + abbreviate(String.join(" ", args)));
        int code = tool.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        if (code != 0) {
            throw new IllegalStateException(name + " failed (exit " + code + "):\n" + out + err);
        }
        if (!err.toString().isBlank()) {
            System.err.print(err);
        }
        return out.toString();
    }

    static void run(List<String> command) throws IOException, InterruptedException {
        log(abbreviate(String.join(" ", command)));
        Process process = new ProcessBuilder(command).inheritIO().start();
        int code = process.waitFor();
        if (code != 0) {
            throw new IllegalStateException(command.get(0) + " failed (exit " + code + ")");
        }
    }

    static String javaExe() {
        return Path.of(System.getProperty("java.home"), "bin", os() == Os.WINDOWS ? "java.exe" : "java").toString();
    }

    static void copyNativeLibraries(Path jar, Path dir) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                String name = entry.getName();
                if (!entry.isDirectory() && !name.contains("/")
                        && (name.endsWith(".so") || name.endsWith(".dll") || name.endsWith(".dylib"))) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    static void archive(Path dir, Path archive, Os os) throws IOException, InterruptedException {
        if (os != Os.WINDOWS) { // tar keeps the launcher's executable bit and the symbolic links
            run(List.of("tar", "-C", dir.getParent().toString(), "-czf", archive.toString(), dir.getFileName().toString()));
            return;
        }
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive));
             Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                zip.putNextEntry(new ZipEntry(dir.getParent().relativize(p).toString().replace('\\', '/')));
                Files.copy(p, zip);
                zip.closeEntry();
            }
        }
    }

    static List<Path> listJars(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String joinPaths(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    }

    static long size(Path p) throws IOException {
        try (Stream<Path> files = Files.walk(p)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Long class paths make a log line unreadable: keep its start and its end. */
    static String abbreviate(String line) {
        return line.length() <= 240 ? line : line.substring(0, 160) + " ... " + line.substring(line.length() - 75);
    }

    static void log(String message) {
        System.out.println("[installer] " + message);
    }
}
