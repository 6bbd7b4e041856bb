#ifndef PAYMENT_OPS_CCURL_SHIM_H
#define PAYMENT_OPS_CCURL_SHIM_H

#include <curl/curl.h>

// libcurl is loaded with dlopen on the first Stripe call (see LibCurl.swift) rather than linked: it pulls in
// some thirty shared libraries (TLS, Kerberos, LDAP...), whose loading and relocation were most of the
// server's start-up time. So this header declares types only, and nothing here calls libcurl by name.

// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call. These typed wrappers pin the
// argument type for each kind of option and make a proper variadic call through the loaded function.

typedef CURLcode (*payment_ops_curl_setopt_function)(CURL *handle, CURLoption option, ...);
typedef CURLcode (*payment_ops_curl_getinfo_function)(CURL *handle, CURLINFO info, ...);

static inline CURLcode payment_ops_curl_setopt_long(
    payment_ops_curl_setopt_function setopt, CURL *handle, CURLoption option, long value) {
    return setopt(handle, option, value);
}

static inline CURLcode payment_ops_curl_setopt_string(
    payment_ops_curl_setopt_function setopt, CURL *handle, CURLoption option, const char *value) {
    return setopt(handle, option, value);
}

static inline CURLcode payment_ops_curl_setopt_pointer(
    payment_ops_curl_setopt_function setopt, CURL *handle, CURLoption option, void *value) {
    return setopt(handle, option, value);
}

static inline CURLcode payment_ops_curl_setopt_slist(
    payment_ops_curl_setopt_function setopt, CURL *handle, CURLoption option, struct curl_slist *value) {
    return setopt(handle, option, value);
}

typedef size_t (*payment_ops_curl_data_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode payment_ops_curl_setopt_data_callback(
    payment_ops_curl_setopt_function setopt, CURL *handle, CURLoption option,
    payment_ops_curl_data_callback callback) {
    return setopt(handle, option, callback);
}

typedef int (*payment_ops_curl_progress_callback)(
    void *context, curl_off_t download_total, curl_off_t downloaded, curl_off_t upload_total, curl_off_t uploaded);

static inline CURLcode payment_ops_curl_setopt_progress_callback(
    payment_ops_curl_setopt_function setopt, CURL *handle, payment_ops_curl_progress_callback callback) {
    return setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}

typedef int (*payment_ops_curl_prereq_callback)(
    void *context, char *primary_ip, char *local_ip, int primary_port, int local_port);

static inline CURLcode payment_ops_curl_setopt_prereq_callback(
    payment_ops_curl_setopt_function setopt, CURL *handle, payment_ops_curl_prereq_callback callback) {
    return setopt(handle, CURLOPT_PREREQFUNCTION, callback);
}

static inline CURLcode payment_ops_curl_getinfo_long(
    payment_ops_curl_getinfo_function getinfo, CURL *handle, CURLINFO info, long *value) {
    return getinfo(handle, info, value);
}

#endif
