package dev.clusterplanner.adapters.files;

import dev.clusterplanner.core.model.InputProblem;
import dev.clusterplanner.core.model.InputRejectedException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one way this program reads an input file: only a regular file (a folder, a device such as
 * {@code /dev/zero} or a named pipe is refused before it is opened, so nothing blocks in {@code open} or reads
 * without end), at most a given size (streamed and cut off there, in case the file grows while it is read), and,
 * for text, strictly UTF-8 (the first bad byte is reported with its line and column).
 */
public final class InputFiles {

    private InputFiles() {
    }

    /**
     * The file's bytes. A missing file is a {@link NoSuchFileException}; every other refusal an
     * {@link InputRejectedException} naming the file.
     *
     * @param what what the file is, for messages ("plan file", "CSV file")
     */
    public static byte[] read(Path file, long maxBytes, String what) throws IOException, InputRejectedException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString());
        }
        if (attrs.isDirectory()) {
            throw reject(file, "is a folder; give a " + what);
        }
        if (!attrs.isRegularFile()) {
            // a device, a named pipe or a socket: opening a pipe without a writer would block, a device may never end
            throw reject(file, "is not a regular file (a device, named pipe or socket); give a " + what);
        }
        if (attrs.size() > maxBytes) {
            throw reject(file, "is " + attrs.size() + " bytes; a " + what + " may be at most " + maxBytes + " bytes");
        }
        // streamed and cut off: the file may grow while it is read
        try (InputStream in = Files.newInputStream(file)) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream((int) Math.min(attrs.size() + 16, maxBytes + 1));
            byte[] chunk = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(chunk)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw reject(file, "is larger than " + maxBytes + " bytes, the most a " + what + " may be");
                }
                buf.write(chunk, 0, n);
            }
            return buf.toByteArray();
        } catch (IOException e) {
            throw new IOException(file + ": cannot be read (" + AtomicFile.reason(e) + ")", e);
        }
    }

    /** The file as UTF-8 text (a leading byte-order mark is kept: the format readers skip it). */
    public static String readUtf8(Path file, long maxBytes, String what) throws IOException, InputRejectedException {
        byte[] bytes = read(file, maxBytes, what);
        return utf8(bytes, file.toString());
    }

    /** Strict UTF-8: the first malformed byte is reported with its line and column. */
    public static String utf8(byte[] bytes, String name) throws InputRejectedException {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            // the column counts characters, as an editor shows them
            int column = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8).length() + 1;
            throw new InputRejectedException(new InputProblem(name, line, column, "",
                    String.format("this file is not UTF-8 text (byte 0x%02X at byte offset %d); save it as UTF-8", bytes[at] & 0xff, at)));
        }
        dec.flush(out);
        out.flip();
        return out.toString();
    }

    private static InputRejectedException reject(Path file, String message) {
        return new InputRejectedException(new InputProblem(file.toString(), 0, 0, "", message));
    }
}
