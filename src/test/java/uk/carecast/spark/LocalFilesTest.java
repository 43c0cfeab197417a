package uk.carecast.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.carecast.support.SparkTest;

@SparkTest
class LocalFilesTest {

    @Test
    void modeBitsBecomeJavasPermissions() {
        // 0640: owner read (0400) + write (0200), group read (0040), nothing for others.
        assertEquals(PosixFilePermissions.fromString("rw-r-----"), LocalFiles.posix(new FsPermission((short) 0640)));
        // 0755: owner rwx (0700), group and others r-x (0050 + 0005); the sticky bit (01000) is not a permission.
        assertEquals(PosixFilePermissions.fromString("rwxr-xr-x"), LocalFiles.posix(new FsPermission((short) 01755)));
    }

    @Test
    void aLocalSessionWritesFilesWithThePermissionsHadoopAsks(SparkSession spark, @TempDir Path dir) throws IOException {
        FileSystem fs = FileSystem.get(URI.create("file:///"), spark.sparkContext().hadoopConfiguration());
        assertInstanceOf(LocalFiles.class, fs);
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(dir.resolve("table.txt").toUri());
        fs.create(file).close();
        fs.setPermission(file, new FsPermission((short) 0640));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("table.txt"))));
        assertEquals(new FsPermission((short) 0640), fs.getFileStatus(file).getPermission());
        // Checksums are kept: Hadoop's local file system writes a .crc beside each file it creates.
        assertEquals(true, Files.exists(dir.resolve(".table.txt.crc")));
    }
}
