package dev.clusterplanner.app;

import dev.clusterplanner.adapters.files.AtomicFile;

import java.io.IOException;

/**
 * All the files one command writes, put in place together: every write made by any service on this thread
 * while the batch is open is prepared beside its target; {@link #commit()} renames them into place, and closing
 * an uncommitted batch removes what was prepared (and the folders it created). A command that fails after its
 * first output therefore leaves nothing new behind.
 */
public final class OutputBatch implements AutoCloseable {

    private final AtomicFile.Batch batch;

    private OutputBatch(AtomicFile.Batch batch) {
        this.batch = batch;
    }

    public static OutputBatch open() {
        return new OutputBatch(AtomicFile.batch());
    }

    public void commit() throws IOException {
        batch.commit();
    }

    @Override
    public void close() {
        batch.close();
    }
}
