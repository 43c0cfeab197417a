package uk.carecast.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system ({@code file://}, checksums and all) with permissions set by Java,
 * not by a process. Without Hadoop's native library, which Maven does not bring, every file and
 * folder Spark creates on a local disk started a {@code chmod} process: 644 of them in one SF150
 * run, on the threads writing the tables.
 */
public final class LocalFiles extends LocalFileSystem {

    /** The Spark setting that makes {@code file://} paths use this class. */
    public static final String SETTING = "spark.hadoop.fs.file.impl";

    public LocalFiles() {
        super(new Raw());
    }

    static final class Raw extends RawLocalFileSystem {

        @Override
        public String getScheme() {
            return "file";
        }

        @Override
        public void setPermission(Path path, FsPermission permission) throws IOException {
            Files.setPosixFilePermissions(pathToFile(path).toPath(), posix(permission.toShort()));
        }
    }

    /** The nine permission bits of a mode such as {@code 0644}; Java cannot set the sticky bit, nor need we. */
    static Set<PosixFilePermission> posix(int mode) {
        PosixFilePermission[] ownerToOthers = {
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE};
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (int bit = 0; bit < ownerToOthers.length; bit++) {
            if ((mode & (0400 >> bit)) != 0) {
                set.add(ownerToOthers[bit]);
            }
        }
        return set;
    }
}
