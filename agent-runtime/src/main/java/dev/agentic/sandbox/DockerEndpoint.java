package dev.agentic.sandbox;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a Docker engine answers: a unix socket ({@code unix:///run/docker.sock}) or a TCP address
 * ({@code tcp://host:2376}), with the folder of its TLS material when the engine requires it (as
 * {@code DOCKER_CERT_PATH}: {@code ca.pem}, {@code cert.pem}, {@code key.pem}).
 *
 * @param address {@code unix:///path} or {@code tcp://host:port}
 * @param tls the folder of the client's TLS material, or null for an engine without TLS
 */
public record DockerEndpoint(String address, Path tls) {

    /** What a TLS folder must hold. */
    public static final List<String> TLS_FILES = List.of("ca.pem", "cert.pem", "key.pem");

    static final String DEFAULT_ADDRESS = "unix:///var/run/docker.sock";

    public DockerEndpoint {
        URI uri = uri(address);
        if (tls != null) {
            if (!"tcp".equals(uri.getScheme())) {
                throw new IllegalArgumentException("TLS material is for a tcp:// engine; " + address + " is a unix socket");
            }
            if (!Files.isDirectory(tls)) {
                throw new IllegalArgumentException("the TLS folder " + tls + " does not exist; expected a folder with " + String.join(", ", TLS_FILES));
            }
            for (String file : TLS_FILES) {
                if (!Files.isRegularFile(tls.resolve(file))) {
                    throw new IllegalArgumentException("the TLS folder " + tls + " has no " + file + "; expected " + String.join(", ", TLS_FILES));
                }
            }
        }
    }

    /** A unix socket or plain TCP engine at {@code address}. */
    public static DockerEndpoint at(String address) {
        return new DockerEndpoint(address, null);
    }

    /**
     * The engine of this process's environment, as the Docker CLI reads it: {@code DOCKER_HOST} (else the
     * default socket), with {@code DOCKER_CERT_PATH} (else {@code ~/.docker}) when {@code DOCKER_TLS_VERIFY} is set.
     */
    public static DockerEndpoint fromEnvironment() {
        String host = System.getenv("DOCKER_HOST");
        String address = host == null || host.isBlank() ? DEFAULT_ADDRESS : host.strip();
        String verify = System.getenv("DOCKER_TLS_VERIFY");
        if (verify == null || verify.isBlank() || verify.equals("0") || !address.startsWith("tcp://")) {
            try {
                return new DockerEndpoint(address, null);
            } catch (IllegalArgumentException e) {
                throw new SandboxException("DOCKER_HOST: " + e.getMessage(), e);
            }
        }
        String certs = System.getenv("DOCKER_CERT_PATH");
        try {
            return new DockerEndpoint(address, certs == null || certs.isBlank() ? Path.of(System.getProperty("user.home"), ".docker") : Path.of(certs));
        } catch (IllegalArgumentException e) {
            throw new SandboxException("DOCKER_HOST=" + address + " with DOCKER_TLS_VERIFY=" + verify + ": " + e.getMessage(), e);
        }
    }

    /** The address as a URI; refused with what is expected. */
    static URI uri(String address) {
        String expected = "expected unix:///path/docker.sock or tcp://host:port";
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("an engine address is empty; " + expected);
        }
        URI uri;
        try {
            uri = URI.create(address);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + address + "' is not an engine address; " + expected, e);
        }
        if ("unix".equals(uri.getScheme())) {
            if (uri.getPath() == null || uri.getPath().isEmpty() || !uri.getPath().startsWith("/")) {
                throw new IllegalArgumentException("'" + address + "' names no socket path; " + expected);
            }
        } else if ("tcp".equals(uri.getScheme())) {
            if (uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalArgumentException("'" + address + "' needs a host and a port; " + expected);
            }
        } else {
            throw new IllegalArgumentException("'" + address + "' has the unsupported scheme '" + uri.getScheme() + "'; " + expected);
        }
        return uri;
    }

    @Override
    public String toString() {
        return tls == null ? address : address + " (TLS " + tls + ")";
    }
}
