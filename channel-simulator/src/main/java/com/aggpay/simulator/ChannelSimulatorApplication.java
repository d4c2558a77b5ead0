package com.aggpay.simulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ChannelSimulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChannelSimulatorApplication.class, args);
    }
}
