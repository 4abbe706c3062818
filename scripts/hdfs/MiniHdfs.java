import java.io.File;
import java.nio.charset.StandardCharsets;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A one-NameNode, one-DataNode HDFS on 127.0.0.1 for CxSpark's tests (run by scripts/hdfs.sh as a single-file program).
 * Arguments: the NameNode RPC port and the folder holding its metadata and blocks. It writes and reads back a probe file
 * so that the DataNode is known to accept blocks, prints "MiniHdfs ready hdfs://127.0.0.1:PORT", then runs until killed.
 */
public final class MiniHdfs {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    File base = new File(args[1]);
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.getAbsolutePath());
    conf.setBoolean("dfs.permissions.enabled", false);
    conf.setInt("dfs.replication", 1);
    conf.set("dfs.namenode.http-address", "127.0.0.1:0");
    conf.set("dfs.datanode.address", "127.0.0.1:0");
    conf.set("dfs.datanode.http.address", "127.0.0.1:0");
    conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
    MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf)
        .nameNodePort(port).numDataNodes(1).format(true).checkDataNodeAddrConfig(true).build();
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::shutdown));
    cluster.waitActive();

    FileSystem fs = cluster.getFileSystem();
    Path probe = new Path("/tmp/.minihdfs-probe");
    try (FSDataOutputStream out = fs.create(probe, true)) {
      out.write("ok".getBytes(StandardCharsets.UTF_8));
    }
    try (FSDataInputStream in = fs.open(probe)) {
      if (in.read() != 'o') {
        throw new IllegalStateException("the probe file did not read back");
      }
    }
    fs.delete(probe, false);

    System.out.println("MiniHdfs ready hdfs://127.0.0.1:" + port);
    System.out.flush();
    Thread.currentThread().join();
  }
}
