package cn.zhaoshang.tracker.access;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code java -jar investment-tracker.jar hash-password}: asks for a password (twice, not echoed, on a terminal; one
 * line from standard input otherwise) and prints the {@code {bcrypt}} hash to configure a user with.
 */
public final class PasswordHashes {

    private PasswordHashes() {}

    /** Exit status: 0 printed, 1 refused (too short, the two differ, or a demo password), 2 nothing read. */
    public static int main(PrintStream out) {
        Console console = System.console();
        String password;
        if (console != null) {
            char[] first = console.readPassword("密码 / password: ");
            char[] again = console.readPassword("再输一次 / again: ");
            if (first == null || again == null) {
                return 2;
            }
            if (!Arrays.equals(first, again)) {
                out.println("两次输入不同 / the two entries differ");
                return 1;
            }
            password = new String(first);
        } else {
            try {
                password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            } catch (IOException unreadable) {
                return 2;
            }
            if (password == null) {
                return 2;
            }
        }
        return print(password, out);
    }

    static int print(String password, PrintStream out) {
        if (password.length() < UserRequests.SHORTEST_PASSWORD) {
            out.printf(
                    "密码至少 %d 个字符 / a password has at least %d characters%n",
                    UserRequests.SHORTEST_PASSWORD, UserRequests.SHORTEST_PASSWORD);
            return 1;
        }
        if (UnsafePasswordsRefused.DEMO_PASSWORDS.contains(password)) {
            out.println("这是公开的演示密码 / that is a published demo password");
            return 1;
        }
        out.println("{bcrypt}" + new BCryptPasswordEncoder().encode(password));
        return 0;
    }
}
