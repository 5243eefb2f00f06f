package dev.agentic.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Tar archives that move files into and out of a container: entries are named by their absolute path in
 * the container without the leading slash, so that unpacking them at {@code /} creates missing parents.
 */
final class TarArchives {

    private TarArchives() {}

    /** One file at {@code target} with {@code content} and permission bits {@code mode}. */
    static byte[] ofFile(String target, byte[] content, int mode) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(content.length + 2048);
        try (TarArchiveOutputStream tar = open(bytes)) {
            TarArchiveEntry entry = new TarArchiveEntry(entryName(target));
            entry.setSize(content.length);
            entry.setMode(mode);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    /**
     * The folder {@code hostDir} itself and everything in it, as {@code target} (symbolic links followed, as a
     * copy of what they point at), with the host's permission bits; written to a temporary file the caller deletes.
     */
    static Path ofFolder(Path hostDir, String target) throws IOException {
        if (!Files.isDirectory(hostDir)) {
            throw new IOException(hostDir + " is not a folder");
        }
        Path file = Files.createTempFile("agentic-copy-", ".tar");
        Path root = hostDir.toAbsolutePath().normalize();
        String base = entryName(target);
        try (OutputStream out = Files.newOutputStream(file);
             TarArchiveOutputStream tar = open(out);
             Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            for (Path item : (Iterable<Path>) walk.sorted()::iterator) {
                String relative = root.relativize(item).toString().replace('\\', '/');
                String name = relative.isEmpty() ? base : base + "/" + relative;
                boolean folder = Files.isDirectory(item);
                TarArchiveEntry entry = new TarArchiveEntry(folder ? name + "/" : name);
                entry.setMode(mode(item, folder));
                entry.setModTime(Files.getLastModifiedTime(item).toMillis());
                if (!folder) {
                    entry.setSize(Files.size(item));
                }
                tar.putArchiveEntry(entry);
                if (!folder) {
                    Files.copy(item, tar);
                }
                tar.closeArchiveEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    /** The content of the first entry of a container's archive of {@code source}, which must be a file. */
    static byte[] firstFile(InputStream archive, String source) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(archive);
        TarArchiveEntry entry = tar.getNextEntry();
        if (entry == null) {
            throw new IOException("the engine sent an empty archive for " + source);
        }
        if (!entry.isFile()) {
            throw new IOException(source + " is not a regular file");
        }
        return tar.readAllBytes();
    }

    /**
     * The regular files among {@code wanted} (entry name in a container's archive of a folder, as
     * {@code <folder name>/<file name>}, to the path it is wanted as) in {@code archive}, read as it
     * streams by; the other entries are skipped, so a large folder costs its transfer and no memory.
     */
    static java.util.Map<String, byte[]> files(InputStream archive, java.util.Map<String, String> wanted) throws IOException {
        java.util.Map<String, byte[]> found = new java.util.LinkedHashMap<>();
        TarArchiveInputStream tar = new TarArchiveInputStream(new java.io.BufferedInputStream(archive, 1 << 16));
        for (TarArchiveEntry entry = tar.getNextEntry(); entry != null && found.size() < wanted.size(); entry = tar.getNextEntry()) {
            String path = wanted.get(entry.getName());
            if (path != null && entry.isFile() && !entry.isLink()) {
                found.put(path, tar.readAllBytes());
            }
        }
        return found;
    }

    private static TarArchiveOutputStream open(OutputStream out) {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        return tar;
    }

    private static String entryName(String absolute) {
        String name = absolute.replaceAll("^/+", "").replaceAll("/+$", "");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("cannot copy onto the container's root folder itself");
        }
        return name;
    }

    private static int mode(Path item, boolean folder) throws IOException {
        try {
            int mode = 0;
            for (PosixFilePermission permission : Files.getPosixFilePermissions(item)) {
                mode |= 1 << (8 - permission.ordinal());
            }
            return mode;
        } catch (UnsupportedOperationException notPosix) {
            return folder || Files.isExecutable(item) ? 0755 : 0644;
        }
    }
}
