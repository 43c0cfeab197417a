package uk.carecast.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
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
            Files.setPosixFilePermissions(pathToFile(path).toPath(), posix(permission));
        }
    }

    /** Hadoop's read-write-execute triples as Java's permissions; the sticky bit is not a permission. */
    static Set<PosixFilePermission> posix(FsPermission permission) {
        return PosixFilePermissions.fromString(permission.getUserAction().SYMBOL
                + permission.getGroupAction().SYMBOL + permission.getOtherAction().SYMBOL);
    }
}
