/**
 * Who is signed in: which role may call which path, HTTP Basic for the API and the login form for the pages, failed
 * logins limited, right logins remembered for a minute, sign-ins put in the access log, sessions of changed users
 * ended, and the pages a visitor meets before and without a role (login, home, unknown paths).
 */
package cn.zhaoshang.tracker.signin;
