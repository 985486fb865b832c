# a valid instansi, then a claim with a 300 000-term sum 1+1+...+1
printf 'instansi "Kecamatan Contoh" {\n    tahun 2024\n}\n\nsasaran S1 "Meningkatnya kualitas pelayanan" {\n    indikator IKM "Indeks Kepuasan Masyarakat" {\n        satuan "indeks"\n        polaritas positif\n        target 82\n        realisasi 83.63\n        penanggung_jawab "Seksi Pelayanan"\n        sumber "SUKMA-E"\n    }\n}\n\nprogram P1 "Program Pelayanan Umum" {\n    mendukung S1\n    kegiatan K1 "Kegiatan Pelayanan" {\n        subkegiatan SK1 "Sub Kegiatan Pelayanan" {\n            anggaran  Rp 100.000.000\n            realisasi Rp 90.000.000\n        }\n    }\n}\n\n'
printf 'periksa capaian(IKM) < 1'
awk 'BEGIN { for (i = 1; i < 300000; i++) printf "+1"; printf "\n" }'
