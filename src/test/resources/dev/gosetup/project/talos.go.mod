module github.com/ory/talos

go 1.26.0

godebug (
	netdns=go
	x509usefallbackroots=1
)

replace github.com/ory/x => ./oryx

require (
	buf.build/go/protovalidate v1.1.3
	github.com/XSAM/otelsql v0.42.0
	github.com/bradleyjkemp/cupaloy/v2 v2.8.0
)
