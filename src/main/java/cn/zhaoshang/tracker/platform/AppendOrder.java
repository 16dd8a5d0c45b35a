package cn.zhaoshang.tracker.platform;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every command takes the append lock in its transaction before it can append events, so transactions that
 * append commit one after the other and global positions become visible in order. Without it, a command that
 * commits late would leave a gap that tracking processors and the hash chain see filled only after later events.
 */
@Component
class AppendOrder implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final JdbcClient jdbc;

    AppendOrder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        jdbc.sql("UPDATE append_lock SET appends = appends + 1 WHERE id = 1").update();
        return chain.proceed();
    }
}
