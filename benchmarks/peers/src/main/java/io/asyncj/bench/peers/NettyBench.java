package io.asyncj.bench.peers;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Netty 4.2 peer for W5: native epoll transport (falls back to NIO, and says so in the RESULT
 * line, when epoll is unavailable). Server (acceptor and connections) and the 100 clients all run on
 * ONE event loop thread, the fair comparison with one asyncio/asyncj loop.
 */
public final class NettyBench {
    private NettyBench() {}

    static final int W5_CLIENTS = 100;
    static final byte[] MSG = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    static final class EchoServerHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.write(msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    static final class EchoClientHandler extends ChannelInboundHandlerAdapter {
        final int messages;
        final CountDownLatch done;
        final AtomicReference<Throwable> error;
        int sent;
        int pending; // bytes of the current message still to come back

        EchoClientHandler(int messages, CountDownLatch done, AtomicReference<Throwable> error) {
            this.messages = messages;
            this.done = done;
            this.error = error;
        }

        void send(ChannelHandlerContext ctx) {
            sent++;
            pending = MSG.length;
            ctx.writeAndFlush(ctx.alloc().buffer(MSG.length).writeBytes(MSG));
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            send(ctx);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf buf = (ByteBuf) msg;
            try {
                int len = buf.readableBytes();
                for (int i = 0; i < len; i++) {
                    byte b = buf.getByte(buf.readerIndex() + i);
                    if (b != MSG[MSG.length - pending + i]) error.compareAndSet(null, new AssertionError("echo mismatch"));
                }
                pending -= len;
            } finally {
                buf.release();
            }
            if (pending == 0) {
                if (sent < messages) {
                    send(ctx);
                } else {
                    ctx.close().addListener((ChannelFutureListener) f -> done.countDown());
                }
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            error.compareAndSet(null, cause);
            ctx.close();
            done.countDown();
        }
    }

    static Bench.Run w5(int n) throws Exception {
        int perClient = Math.max(1, n / W5_CLIENTS);
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> serverClass = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        Class<? extends Channel> clientClass = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, io);
        try {
            Channel server = new ServerBootstrap()
                    .group(group, group)
                    .channel(serverClass)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new EchoServerHandler());
                        }
                    })
                    .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
            InetSocketAddress addr = (InetSocketAddress) server.localAddress();
            CountDownLatch done = new CountDownLatch(W5_CLIENTS);
            AtomicReference<Throwable> error = new AtomicReference<>();
            Bootstrap client = new Bootstrap()
                    .group(group)
                    .channel(clientClass)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(new EchoClientHandler(perClient, done, error));
                        }
                    });
            long t0 = System.nanoTime();
            for (int c = 0; c < W5_CLIENTS; c++) {
                client.connect(addr).addListener((ChannelFutureListener) f -> {
                    if (!f.isSuccess()) {
                        error.compareAndSet(null, f.cause());
                        done.countDown();
                    }
                });
            }
            done.await();
            double dt = Bench.secondsSince(t0);
            if (error.get() != null) throw new AssertionError("W5 failed", error.get());
            server.close().sync();
            return new Bench.Run(dt, (long) perClient * W5_CLIENTS,
                    "clients=" + W5_CLIENTS + ",per_client=" + perClient + ",transport=" + (epoll ? "epoll" : "nio"));
        } finally {
            group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).sync();
        }
    }

    public static void main(String[] args) throws Exception {
        Bench.main("netty", args, Map.of("W5", NettyBench::w5));
    }
}
