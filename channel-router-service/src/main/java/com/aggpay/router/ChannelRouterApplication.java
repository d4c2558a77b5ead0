package com.aggpay.router;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ChannelRouterApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChannelRouterApplication.class, args);
    }
}
