# a valid instansi, then a claim with 200 000 unary minus signs
printf 'instansi "Kecamatan Contoh" {\n    tahun 2024\n}\n\nsasaran S1 "Meningkatnya kualitas pelayanan" {\n    indikator IKM "Indeks Kepuasan Masyarakat" {\n        satuan "indeks"\n        polaritas positif\n        target 82\n        realisasi 83.63\n        penanggung_jawab "Seksi Pelayanan"\n        sumber "SUKMA-E"\n    }\n}\n\nprogram P1 "Program Pelayanan Umum" {\n    mendukung S1\n    kegiatan K1 "Kegiatan Pelayanan" {\n        subkegiatan SK1 "Sub Kegiatan Pelayanan" {\n            anggaran  Rp 100.000.000\n            realisasi Rp 90.000.000\n        }\n    }\n}\n\n'
printf 'periksa capaian(IKM) > '
awk 'BEGIN { for (i = 0; i < 200000; i++) printf "-"; printf "1\n" }'
