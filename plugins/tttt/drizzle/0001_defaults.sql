-- The module's settings (one row) and the first list of the contents Plan 64/KH-UBND (01/3/2023)
-- requires of a unit's digital-transformation plan. Sở TT&TT edits both in the module; a later
-- migration never overwrites them (on conflict do nothing).
INSERT INTO "tttt"."settings" ("id", "stale_after_days", "security_level", "last_assessed_on", "created_by", "updated_by")
VALUES (1, 7, 3, NULL, 'tttt', 'tttt')
ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "tttt"."required_contents" ("code", "title", "position", "created_by", "updated_by") VALUES
  ('CDS-01', 'Nâng cao nhận thức, chuyển đổi nhận thức về chuyển đổi số', 10, 'tttt', 'tttt'),
  ('CDS-02', 'Hoàn thiện thể chế, cơ chế, chính sách phục vụ chuyển đổi số', 20, 'tttt', 'tttt'),
  ('CDS-03', 'Phát triển hạ tầng số', 30, 'tttt', 'tttt'),
  ('CDS-04', 'Phát triển dữ liệu số; kết nối, chia sẻ với CSDL quốc gia về dân cư và các CSDL chuyên ngành', 40, 'tttt', 'tttt'),
  ('CDS-05', 'Phát triển chính quyền số: dịch vụ công trực tuyến, số hóa hồ sơ, kết quả giải quyết TTHC', 50, 'tttt', 'tttt'),
  ('CDS-06', 'Phát triển kinh tế số', 60, 'tttt', 'tttt'),
  ('CDS-07', 'Phát triển xã hội số', 70, 'tttt', 'tttt'),
  ('CDS-08', 'Bảo đảm an toàn thông tin, an ninh mạng', 80, 'tttt', 'tttt'),
  ('CDS-09', 'Phát triển nguồn nhân lực số', 90, 'tttt', 'tttt'),
  ('CDS-10', 'Chỉ tiêu, lộ trình, kinh phí và phân công tổ chức thực hiện', 100, 'tttt', 'tttt')
ON CONFLICT ("code") DO NOTHING;
