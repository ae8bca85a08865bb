package dev.clusterplanner.adapters.incus;

import dev.clusterplanner.adapters.files.InputFiles;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.core.model.Limits;
import dev.clusterplanner.core.live.ProbeException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading a client certificate and its private key from PEM files as the incus client writes them
 * ({@code client.crt}, {@code client.key}: "EC PRIVATE KEY"), or as openssl does ("PRIVATE KEY",
 * "RSA PRIVATE KEY"). The key only ever lives in memory, in a key store with a random password;
 * no message ever contains it.
 */
final class PemCredentials {

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final byte[] OID_EC_PUBLIC_KEY = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};
    private static final byte[] OID_RSA = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01};

    private PemCredentials() {
    }

    /** A key store holding the key and certificate chain, and the random password protecting it. */
    record ClientIdentity(KeyStore keyStore, char[] password, X509Certificate certificate) {
    }

    static ClientIdentity load(Path certFile, Path keyFile) throws ProbeException {
        X509Certificate[] chain = readCertificates(certFile);
        PrivateKey key = readPrivateKey(keyFile);
        try {
            char[] password = new char[24];
            SecureRandom random = new SecureRandom();
            for (int i = 0; i < password.length; i++) {
                password[i] = (char) ('a' + random.nextInt(26));
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("client", key, password, chain);
            return new ClientIdentity(ks, password, chain[0]);
        } catch (GeneralSecurityException | IOException e) {
            throw new ProbeException(ProbeException.Kind.CLIENT_CONFIG,
                    "client key " + keyFile + " does not belong to certificate " + certFile + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    static X509Certificate[] readCertificates(Path file) throws ProbeException {
        String text = readText(file, "certificate");
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            Collection<? extends Certificate> certs = cf.generateCertificates(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
            if (certs.isEmpty()) {
                throw new ProbeException(ProbeException.Kind.CLIENT_CONFIG, file + ": no PEM certificate in the file");
            }
            return certs.stream().map(c -> (X509Certificate) c).toArray(X509Certificate[]::new);
        } catch (java.security.cert.CertificateException e) {
            throw new ProbeException(ProbeException.Kind.CLIENT_CONFIG, file + ": not a PEM certificate (" + e.getMessage() + ")");
        }
    }

    /** SHA-256 of the certificate's DER encoding, lower-case hex without separators (as Incus prints it). */
    static String fingerprint(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Accepts "AB:CD:...", "sha256:abcd..." or plain hex; returns lower-case hex, or null when it is not a SHA-256 fingerprint. */
    static String normaliseFingerprint(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("sha256:")) {
            t = t.substring(7);
        }
        t = t.replace(":", "").replace(" ", "");
        return t.matches("[0-9a-f]{64}") ? t : null;
    }

    static PrivateKey readPrivateKey(Path file) throws ProbeException {
        String text = readText(file, "private key");
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            if (!type.endsWith("PRIVATE KEY")) {
                continue;
            }
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            try {
                return switch (type) {
                    case "PRIVATE KEY" -> pkcs8(der);
                    case "EC PRIVATE KEY" -> pkcs8(ecToPkcs8(der));
                    case "RSA PRIVATE KEY" -> pkcs8(wrapPkcs8(OID_RSA_WITH_NULL, der));
                    case "ENCRYPTED PRIVATE KEY" -> throw new ProbeException(ProbeException.Kind.CLIENT_CONFIG,
                            file + ": the private key is encrypted; use an unencrypted key as the incus client does");
                    default -> throw new ProbeException(ProbeException.Kind.CLIENT_CONFIG, file + ": unsupported key type '" + type + "'");
                };
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // never include key material in the message
                throw new ProbeException(ProbeException.Kind.CLIENT_CONFIG, file + ": the " + type + " block could not be read as a key");
            } finally {
                Arrays.fill(der, (byte) 0);
            }
        }
        throw new ProbeException(ProbeException.Kind.CLIENT_CONFIG, file + ": no PEM private key in the file");
    }

    private static final byte[] OID_RSA_WITH_NULL = concat(OID_RSA, new byte[]{0x05, 0x00});

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        GeneralSecurityException last = null;
        for (String alg : new String[]{"EC", "RSA", "Ed25519", "EdDSA"}) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    /** SEC1 ECPrivateKey (RFC 5915) to PKCS#8: the curve OID moves from [0] into the algorithm identifier. */
    static byte[] ecToPkcs8(byte[] sec1) throws GeneralSecurityException {
        int[] seq = header(sec1, 0, 0x30);
        int pos = seq[0];
        int end = seq[0] + seq[1];
        byte[] curveOid = null;
        while (pos < end) {
            int tag = sec1[pos] & 0xff;
            int[] h = header(sec1, pos, tag);
            if (tag == 0xa0) {
                int[] oid = header(sec1, h[0], 0x06);
                curveOid = Arrays.copyOfRange(sec1, h[0], oid[0] + oid[1]);
            }
            pos = h[0] + h[1];
        }
        if (curveOid == null) {
            throw new GeneralSecurityException("EC key without curve parameters");
        }
        return wrapPkcs8(concat(OID_EC_PUBLIC_KEY, curveOid), sec1);
    }

    private static byte[] wrapPkcs8(byte[] algorithmContent, byte[] key) {
        byte[] version = {0x02, 0x01, 0x00};
        byte[] algorithm = tlv(0x30, algorithmContent);
        byte[] octets = tlv(0x04, key);
        return tlv(0x30, concat(concat(version, algorithm), octets));
    }

    /** Returns {contentStart, contentLength} of the DER element at {@code pos}, checking its tag. */
    private static int[] header(byte[] der, int pos, int expectedTag) throws GeneralSecurityException {
        if (pos + 2 > der.length || (der[pos] & 0xff) != expectedTag) {
            throw new GeneralSecurityException("unexpected DER structure");
        }
        int len = der[pos + 1] & 0xff;
        int start = pos + 2;
        if (len >= 0x80) {
            int n = len & 0x7f;
            if (n == 0 || n > 3 || start + n > der.length) {
                throw new GeneralSecurityException("unexpected DER length");
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (der[start + i] & 0xff);
            }
            start += n;
        }
        if (start + len > der.length) {
            throw new GeneralSecurityException("truncated DER");
        }
        return new int[]{start, len};
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int len = content.length;
        if (len < 0x80) {
            out.write(len);
        } else if (len < 0x100) {
            out.write(0x81);
            out.write(len);
        } else if (len < 0x10000) {
            out.write(0x82);
            out.write(len >> 8);
            out.write(len & 0xff);
        } else {
            out.write(0x83);
            out.write(len >> 16);
            out.write((len >> 8) & 0xff);
            out.write(len & 0xff);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String readText(Path file, String what) throws ProbeException {
        try {
            return new String(InputFiles.read(file, Limits.MAX_SMALL_FILE_BYTES, "PEM file"), StandardCharsets.US_ASCII);
        } catch (InputRejectedException e) {
            throw new ProbeException(ProbeException.Kind.CLIENT_CONFIG, e.problems().get(0).describe() + " (client " + what + ")");
        } catch (NoSuchFileException e) {
            throw new ProbeException(ProbeException.Kind.CLIENT_CONFIG, file + ": no such file (client " + what + ")");
        } catch (IOException e) {
            throw new ProbeException(ProbeException.Kind.CLIENT_CONFIG, file + ": cannot read the client " + what + " (" + e.getMessage() + ")");
        }
    }
}
