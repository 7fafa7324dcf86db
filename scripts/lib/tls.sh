# shellcheck shell=bash
# A local certificate authority and a server certificate for the proxy's HTTPS port, made once
# with openssl and kept in DIR: ca.pem (what clients trust: swift --os-cacert, rclone --ca-cert,
# curl --cacert), ca.key, proxy.pem and proxy.key. Sourced by cluster.sh --tls.

# tls_ensure DIR ADDRESS...: makes the CA and a proxy certificate valid for ADDRESS... (IP
# addresses) and localhost, unless DIR already holds a proxy certificate.
tls_ensure() {
  local dir=$1; shift
  [ -s "$dir/proxy.pem" ] && [ -s "$dir/proxy.key" ] && [ -s "$dir/ca.pem" ] && return 0
  ensure_packages openssl:openssl
  mkdir -p "$dir"
  chmod 700 "$dir"
  local san="DNS:localhost" address
  for address in "$@"; do san="$san,IP:$address"; done
  log "making a local CA and a TLS certificate for $* in $dir"
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=CloudFs local CA" \
    -keyout "$dir/ca.key" -out "$dir/ca.pem" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null \
    || die "openssl could not make the CA"
  openssl req -newkey rsa:2048 -nodes -subj "/CN=${1:-localhost}" \
    -keyout "$dir/proxy.key" -out "$dir/proxy.csr" 2>/dev/null || die "openssl could not make the proxy key"
  printf '%s\n' "subjectAltName=$san" "basicConstraints=CA:FALSE" "keyUsage=critical,digitalSignature,keyEncipherment" \
    "extendedKeyUsage=serverAuth" > "$dir/proxy.ext"
  openssl x509 -req -in "$dir/proxy.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial -days 825 \
    -extfile "$dir/proxy.ext" -out "$dir/proxy.pem" 2>/dev/null || die "openssl could not sign the proxy certificate"
  rm -f "$dir/proxy.csr" "$dir/proxy.ext" "$dir/ca.srl"
  chmod 600 "$dir/ca.key" "$dir/proxy.key"
}
