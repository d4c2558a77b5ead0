package com.aggpay.merchant.app;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface MerchantApps extends BaseMapper<MerchantApp> {

    default Optional<MerchantApp> findById(String appId) {
        return Optional.ofNullable(selectById(appId));
    }
}
