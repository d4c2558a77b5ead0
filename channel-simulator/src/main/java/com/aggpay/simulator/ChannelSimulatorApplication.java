package com.aggpay.simulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ChannelSimulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChannelSimulatorApplication.class, args);
    }
}
