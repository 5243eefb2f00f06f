package dev.agentic.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** A Docker build context as a tar file: a folder without the entries the agent must not see. */
final class BuildContext {

    private BuildContext() {}

    /** Writes the tar to a temporary file; the caller deletes it. */
    static Path tar(Path dir, Set<String> excludedTopLevel) throws IOException {
        Path tarFile = Files.createTempFile("agentic-context-", ".tar");
        try (OutputStream out = Files.newOutputStream(tarFile);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
             Stream<Path> files = Files.walk(dir)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                if (file.equals(dir) || excludedTopLevel.contains(dir.relativize(file).getName(0).toString())) {
                    continue;
                }
                String name = dir.relativize(file).toString().replace('\\', '/');
                if (Files.isSymbolicLink(file)) {
                    TarArchiveEntry link = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
                    link.setLinkName(Files.readSymbolicLink(file).toString());
                    tar.putArchiveEntry(link);
                    tar.closeArchiveEntry();
                    continue;
                }
                TarArchiveEntry entry = new TarArchiveEntry(file.toFile(), name);
                entry.setMode(mode(file));
                tar.putArchiveEntry(entry);
                if (Files.isRegularFile(file)) {
                    Files.copy(file, tar);
                }
                tar.closeArchiveEntry();
            }
        }
        return tarFile;
    }

    /** The file's permission bits; where the file system has none, 0755 for directories and executables, else 0644. */
    private static int mode(Path file) throws IOException {
        try {
            int mode = 0;
            for (java.nio.file.attribute.PosixFilePermission permission : Files.getPosixFilePermissions(file)) {
                mode |= 1 << (8 - permission.ordinal());
            }
            return mode;
        } catch (UnsupportedOperationException notPosix) {
            return Files.isDirectory(file) || Files.isExecutable(file) ? 0755 : 0644;
        }
    }
}
