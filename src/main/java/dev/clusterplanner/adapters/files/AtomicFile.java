package dev.clusterplanner.adapters.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Set;

/**
 * The one way this program writes a file: the bytes go to a temporary file beside the target (same folder, so
 * the rename stays on one file system), are flushed to disk ({@code fsync}), and the temporary file is renamed over
 * the target. A reader sees either the old file or the whole new one, never a part; a failure leaves the old
 * file (or no file) and no temporary file behind.
 *
 * <p>File modes: a new file gets the usual mode for new files ({@code 0666} less the process's umask, as any
 * program creating a file would); overwriting keeps the existing file's mode. Errors name the target, never the
 * temporary file.
 *
 * <p>Several outputs of one command: inside a {@link #batch()}, each write only prepares its temporary file; the
 * files are renamed into place together by {@link Batch#commit()}, and closing a batch that was not committed
 * removes every temporary file and every folder the batch created. So a command that fails half-way (a bad PDF
 * path after the CSV files, an unreadable input found late) leaves nothing new behind.
 */
public final class AtomicFile {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<Batch> CURRENT = new ThreadLocal<>();

    private AtomicFile() {
    }

    /** Writes text as UTF-8, atomically. */
    public static void writeString(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes bytes so that a reader sees either the old file or the whole new one, never a part. */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || target.getFileName() == null) {
            throw new IOException(file + ": not a file name");
        }
        if (Files.isDirectory(target)) {
            throw new IOException(file + ": is a folder, not a file");
        }
        Batch batch = CURRENT.get();
        try {
            if (batch != null) {
                batch.noteFolders(dir);
            }
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(file + ": cannot create the folder " + e.getFile() + " (a file of that name is in the way)", e);
        } catch (IOException e) {
            throw new IOException(file + ": cannot create its folder (" + reason(e) + ")", e);
        }
        Path tmp = null;
        try {
            tmp = createTemp(dir, target.getFileName().toString());
            keepMode(target, tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (batch != null) {
                batch.stage(file, tmp, target);
                tmp = null; // the batch owns it now
                return;
            }
            rename(tmp, target);
        } catch (IOException e) {
            throw new IOException(file + ": cannot write (" + reason(e) + ")", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file could not be removed; nothing more can be done about it here
                }
            }
        }
    }

    private static void rename(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Starts a batch on this thread: writes are prepared until {@link Batch#commit()}. Batches do not nest. */
    public static Batch batch() {
        if (CURRENT.get() != null) {
            throw new IllegalStateException("a batch of writes is already open on this thread");
        }
        Batch b = new Batch();
        CURRENT.set(b);
        return b;
    }

    /** Outputs prepared together and put in place together; see the class comment. */
    public static final class Batch implements AutoCloseable {
        private record Staged(Path file, Path tmp, Path target) {
        }

        private final java.util.List<Staged> staged = new java.util.ArrayList<>();
        /** Folders this batch created, outermost first. */
        private final java.util.List<Path> createdFolders = new java.util.ArrayList<>();
        private boolean done;

        private Batch() {
        }

        /** Before creating {@code dir}: remembers which of its folders do not exist yet. */
        void noteFolders(Path dir) {
            java.util.Deque<Path> missing = new java.util.ArrayDeque<>();
            for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
                missing.push(p);
            }
            for (Path p : missing) {
                if (!createdFolders.contains(p)) {
                    createdFolders.add(p);
                }
            }
        }

        void stage(Path file, Path tmp, Path target) throws IOException {
            for (int i = 0; i < staged.size(); i++) {
                if (staged.get(i).target().equals(target)) {
                    Files.deleteIfExists(staged.get(i).tmp());
                    staged.remove(i);
                    break;
                }
            }
            staged.add(new Staged(file, tmp, target));
        }

        /** Puts every prepared file in place (each rename is atomic). */
        public void commit() throws IOException {
            if (done) {
                throw new IllegalStateException("batch already finished");
            }
            try {
                for (java.util.Iterator<Staged> it = staged.iterator(); it.hasNext(); ) {
                    Staged s = it.next();
                    try {
                        rename(s.tmp(), s.target());
                    } catch (IOException e) {
                        throw new IOException(s.file() + ": cannot write (" + reason(e) + ")", e);
                    }
                    it.remove();
                }
                createdFolders.clear(); // they hold the outputs now
                done = true;
            } finally {
                CURRENT.remove();
            }
        }

        /** Without a commit: removes every prepared temporary file and the folders this batch created (when empty). */
        @Override
        public void close() {
            CURRENT.remove();
            if (done) {
                return;
            }
            done = true;
            for (Staged s : staged) {
                try {
                    Files.deleteIfExists(s.tmp());
                } catch (IOException ignored) {
                    // best effort: nothing else can be done about a temporary file that cannot be removed
                }
            }
            staged.clear();
            for (int i = createdFolders.size() - 1; i >= 0; i--) {
                try {
                    Files.deleteIfExists(createdFolders.get(i));
                } catch (IOException ignored) {
                    // not empty (something else wrote there) or gone: leave it
                }
            }
        }
    }

    /**
     * A new empty file beside the target, created without explicit permissions so that the process's umask
     * applies (unlike {@code Files.createTempFile}, which always makes it 0600).
     */
    private static Path createTemp(Path dir, String name) throws IOException {
        String stem = "." + (name.length() > 100 ? name.substring(0, 100) : name) + ".";
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve(stem + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            try {
                Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** Overwriting keeps the existing file's permissions. */
    private static void keepMode(Path target, Path tmp) throws IOException {
        if (!Files.isRegularFile(target)) {
            return;
        }
        PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> mode = view.readAttributes().permissions();
        Files.setPosixFilePermissions(tmp, mode);
    }

    /** The reason in plain words, without the (temporary) path the exception names. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such folder";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is not a folder";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
