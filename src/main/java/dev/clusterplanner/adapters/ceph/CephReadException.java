package dev.clusterplanner.adapters.ceph;

import java.io.IOException;

/** Reading a live Ceph cluster failed: unreachable, refused, timed out, too large or not Ceph's answer. The message says which. */
public class CephReadException extends IOException {

    public CephReadException(String message) {
        super(message);
    }

    public CephReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
