package com.aggpay.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Merchant servers that hang: each accepts connections on its own loopback port and reads whatever is sent, but
 * never answers, so every attempt holds one of notify-service's connections until its request timeout. One NIO
 * thread serves them all, so a thousand held connections cost the driver nothing but sockets (an HTTP server would
 * need a thread per held request). A connection is closed when the caller closes it.
 */
final class HangingEndpoints implements AutoCloseable {

    private static final byte[] POST = "POST ".getBytes(StandardCharsets.US_ASCII);

    private final Selector selector;
    private final List<ServerSocketChannel> listeners = new ArrayList<>();
    private final Thread loop;
    private final LongAdder requests = new LongAdder();
    private final LongAdder connections = new LongAdder();
    private volatile boolean closing;

    HangingEndpoints(int count) throws IOException {
        selector = Selector.open();
        for (int i = 0; i < count; i++) {
            ServerSocketChannel listener = ServerSocketChannel.open();
            listener.bind(new InetSocketAddress("127.0.0.1", 0), 1024);
            listener.configureBlocking(false);
            listener.register(selector, SelectionKey.OP_ACCEPT);
            listeners.add(listener);
        }
        loop = new Thread(this::serve, "bench-hanging");
        loop.setDaemon(true);
        loop.start();
    }

    List<Integer> ports() {
        List<Integer> ports = new ArrayList<>();
        for (ServerSocketChannel listener : listeners) {
            try {
                ports.add(((InetSocketAddress) listener.getLocalAddress()).getPort());
            } catch (IOException e) {
                throw new IllegalStateException("a bound listener has an address", e);
            }
        }
        return ports;
    }

    /** Requests received (reads that start with {@code POST }), i.e. attempts that are now held. */
    long requests() {
        return requests.sum();
    }

    long connections() {
        return connections.sum();
    }

    private void serve() {
        ByteBuffer sink = ByteBuffer.allocate(64 * 1024);
        try {
            while (!closing) {
                selector.select();
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        SocketChannel accepted = ((ServerSocketChannel) key.channel()).accept();
                        if (accepted != null) {
                            accepted.configureBlocking(false);
                            accepted.register(selector, SelectionKey.OP_READ);
                            connections.increment();
                        }
                    } else if (key.isReadable()) {
                        read((SocketChannel) key.channel(), key, sink);
                    }
                }
            }
        } catch (ClosedSelectorException e) {
            // closed: the run is over
        } catch (IOException e) {
            if (!closing) {
                System.err.println("[bench] hanging endpoints stopped: " + e);
            }
        }
    }

    private void read(SocketChannel channel, SelectionKey key, ByteBuffer sink) throws IOException {
        sink.clear();
        int n;
        try {
            n = channel.read(sink);
        } catch (IOException e) {
            n = -1; // reset by the caller that gave up
        }
        if (n < 0) {
            key.cancel();
            channel.close();
        } else if (n >= POST.length && startsWithPost(sink)) {
            requests.increment();
        }
    }

    private static boolean startsWithPost(ByteBuffer read) {
        for (int i = 0; i < POST.length; i++) {
            if (read.get(i) != POST[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        closing = true;
        selector.wakeup();
        try {
            loop.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SelectionKey key : selector.keys()) {
            closeQuietly(key.channel());
        }
        listeners.forEach(HangingEndpoints::closeQuietly);
        closeQuietly(selector);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing at the end of the run: nothing left to do about it
        }
    }
}
